package vn.schoolguard.internal.inject;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The most recent implant alerts, newest first, for the console to show. Thread-safe; keeps a fixed number.
 */
public final class RecentImplantAlerts implements ImplantAlerts {

    private final int capacity;
    private final Deque<ImplantAlert> alerts = new ArrayDeque<>();

    /** Keeps at most {@code capacity} alerts, dropping the oldest. */
    public RecentImplantAlerts(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void alert(ImplantAlert alert) {
        alerts.addFirst(alert);
        while (alerts.size() > capacity) {
            alerts.removeLast();
        }
    }

    /** A copy of the alerts, newest first. */
    public synchronized List<ImplantAlert> recent() {
        return new ArrayList<>(alerts);
    }
}
