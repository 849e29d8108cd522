package vn.schoolguard.moderation;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

import vn.schoolguard.net.ProxySettings;

/**
 * Recognises the application's signed-in user on a submission route, where {@code moderation.user-from} says:
 * the container's user, an attribute of the application's session (a name, a {@link Principal}, or a Spring
 * Security {@code SecurityContext} with its authorities), or a header set by a trusted proxy. The recognised
 * user is what the IP log records, what per-user rate limits count and what trusted posters are judged by.
 *
 * <p>Thread-safe; reads nothing but the request and its existing session.
 */
public final class SignedInUsers {

    /** Longest user name kept; longer ones are cut, as the IP log column is. */
    private static final int MAX_NAME = 200;

    private final UserSource source;
    private final List<String> trustedRoles;
    private final Set<String> trustedUsers;
    private final ProxySettings proxies;

    public SignedInUsers(ModerationSettings settings, ProxySettings proxies) {
        this.source = settings.userFrom();
        this.trustedRoles = settings.trustedRoles();
        this.trustedUsers = Set.copyOf(settings.trustedUsers());
        this.proxies = proxies;
    }

    /** A signed-in user: the name and, where the source tells them, the roles. */
    record User(String name, Set<String> roles) {
    }

    /**
     * The request as SchoolGuard judges and logs it: {@code getRemoteUser()} and {@code getUserPrincipal()}
     * give the recognised user. Never handed to the application.
     */
    public HttpServletRequest recognise(HttpServletRequest request) {
        if (source.kind() == UserSource.Kind.PRINCIPAL) {
            return request;
        }
        Optional<User> user = find(request);
        return new Recognised(request, user.orElse(null));
    }

    /** Why a recognised request bypasses the queue ({@code trusted poster NAME}), or empty when it is held. */
    // Security-critical: a trusted poster's submission is published without a moderator.
    public Optional<String> trusted(HttpServletRequest recognised) {
        String name = recognised.getRemoteUser();
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        if (trustedUsers.contains(name)) {
            return Optional.of("trusted poster " + name);
        }
        if (recognised.getUserPrincipal() == null) {
            return Optional.empty();
        }
        for (String role : trustedRoles) {
            if (recognised.isUserInRole(role)) {
                return Optional.of("trusted poster " + name);
            }
        }
        return Optional.empty();
    }

    private Optional<User> find(HttpServletRequest request) {
        if (source.kind() == UserSource.Kind.HEADER) {
            // Security-critical: anyone can send the header; only a trusted proxy's copy names a user.
            if (!proxies.isTrusted(request.getRemoteAddr())) {
                return Optional.empty();
            }
            return clean(request.getHeader(source.name())).map(name -> new User(name, Set.of()));
        }
        HttpSession session = request.getSession(false);
        Object value = null;
        try {
            value = session == null ? null : session.getAttribute(source.name());
        } catch (IllegalStateException invalidated) {
            // A session invalidated meanwhile holds nobody.
        }
        return value == null ? Optional.empty() : fromAttribute(value);
    }

    /** A name, a principal, or an authentication (Spring Security's context, read by its public methods). */
    static Optional<User> fromAttribute(Object value) {
        if (value instanceof CharSequence text) {
            return clean(text.toString()).map(name -> new User(name, Set.of()));
        }
        Object authentication = call(value, "getAuthentication").orElse(value);
        if (authentication.getClass().getSimpleName().contains("Anonymous")
                || Boolean.FALSE.equals(call(authentication, "isAuthenticated").orElse(Boolean.TRUE))) {
            return Optional.empty();
        }
        Optional<String> name = authentication instanceof Principal p ? clean(p.getName())
                : call(authentication, "getName").map(String::valueOf).flatMap(SignedInUsers::clean);
        Set<String> roles = new LinkedHashSet<>();
        if (call(authentication, "getAuthorities").orElse(null) instanceof Collection<?> authorities) {
            for (Object authority : authorities) {
                call(authority, "getAuthority").map(String::valueOf).ifPresent(roles::add);
            }
        }
        return name.map(n -> new User(n, Set.copyOf(roles)));
    }

    /** Calls a public no-argument method through a public type, so that classes of the application need not be public. */
    private static Optional<Object> call(Object target, String method) {
        List<Class<?>> types = new ArrayList<>();
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            types.add(c);
            types.addAll(List.of(c.getInterfaces()));
        }
        for (Class<?> type : types) {
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            try {
                Method m = type.getMethod(method);
                return Optional.ofNullable(m.invoke(target));
            } catch (NoSuchMethodException e) {
                continue;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<String> clean(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String printable = name.replaceAll("\\p{Cntrl}", "").trim();
        if (printable.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(printable.length() <= MAX_NAME ? printable : printable.substring(0, MAX_NAME));
    }

    /** The poster's request with the recognised user in place of the container's (the container's when none is found). */
    private static final class Recognised extends HttpServletRequestWrapper {
        private final User user;

        Recognised(HttpServletRequest request, User user) {
            super(request);
            this.user = user;
        }

        @Override
        public String getRemoteUser() {
            return user == null ? super.getRemoteUser() : user.name();
        }

        @Override
        public Principal getUserPrincipal() {
            return user == null ? super.getUserPrincipal() : (Principal) user::name;
        }

        @Override
        public boolean isUserInRole(String role) {
            if (user == null) {
                return super.getUserPrincipal() != null && super.isUserInRole(role);
            }
            return user.roles().contains(role) || user.roles().contains("ROLE_" + role);
        }
    }
}
