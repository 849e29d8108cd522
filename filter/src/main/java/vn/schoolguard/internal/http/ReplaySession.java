package vn.schoolguard.internal.http;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;

/**
 * A throwaway session for a replayed request: the application may use a session as usual, but never
 * sees the moderator's, and what it stores there is dropped after the replay.
 */
final class ReplaySession implements HttpSession {

    private final String id = "replay-" + UUID.randomUUID();
    private final long created = System.currentTimeMillis();
    private final ServletContext context;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private int maxInactive = 60;

    ReplaySession(ServletContext context) {
        this.context = context;
    }

    @Override
    public long getCreationTime() {
        return created;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public long getLastAccessedTime() {
        return created;
    }

    @Override
    public ServletContext getServletContext() {
        return context;
    }

    @Override
    public void setMaxInactiveInterval(int interval) {
        maxInactive = interval;
    }

    @Override
    public int getMaxInactiveInterval() {
        return maxInactive;
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(attributes.keySet());
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public void invalidate() {
        attributes.clear();
    }

    @Override
    public boolean isNew() {
        return true;
    }
}
