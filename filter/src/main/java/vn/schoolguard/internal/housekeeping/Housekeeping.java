package vn.schoolguard.internal.housekeeping;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import vn.schoolguard.internal.log.Log;

/**
 * SchoolGuard's periodic background work — IP-log retention, removal of expired rate-limit buckets, saving what route
 * discovery saw — on one scheduler: a daemon thread of its own, or a scheduler the host application supplies (then the
 * host decides its threads and shuts it down). A task that throws is logged and runs again at its next time.
 *
 * <p>Thread-safe.
 */
public final class Housekeeping implements AutoCloseable {

    private static final Log LOG = Log.get(Housekeeping.class);

    private final ScheduledExecutorService scheduler;
    private final boolean owned;
    private final Queue<ScheduledFuture<?>> tasks = new ConcurrentLinkedQueue<>();

    private Housekeeping(ScheduledExecutorService scheduler, boolean owned) {
        this.scheduler = scheduler;
        this.owned = owned;
    }

    /** Housekeeping on one daemon thread of its own, stopped by {@link #close()}. */
    public static Housekeeping ownThread() {
        return new Housekeeping(Executors.newSingleThreadScheduledExecutor(run -> {
            Thread thread = new Thread(run, "schoolguard-housekeeping");
            thread.setDaemon(true);
            return thread;
        }), true);
    }

    /** Housekeeping on the host's scheduler; {@link #close()} cancels SchoolGuard's tasks but leaves it running. */
    public static Housekeeping on(ScheduledExecutorService hostScheduler) {
        return new Housekeeping(hostScheduler, false);
    }

    /** A scheduled task; cancelling it stops its future runs. */
    public interface Task {
        void cancel();
    }

    /**
     * Runs {@code work} every {@code period}, the first time after {@code firstDelay}.
     *
     * @param name what the work is, for the log
     */
    public Task every(String name, Duration firstDelay, Duration period, Runnable work) {
        ScheduledFuture<?> future = scheduler.scheduleWithFixedDelay(() -> runSafely(name, work),
                firstDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        tasks.add(future);
        return () -> future.cancel(false);
    }

    /** Runs {@code work} once, after {@code delay}. */
    public Task once(String name, Duration delay, Runnable work) {
        ScheduledFuture<?> future = scheduler.schedule(() -> runSafely(name, work), delay.toMillis(), TimeUnit.MILLISECONDS);
        tasks.add(future);
        return () -> future.cancel(false);
    }

    private static void runSafely(String name, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            // One failed run (a database hiccup, say) must not stop the ones after it.
            LOG.warn("Background task '{}' failed; it runs again at its next time: {}", name, e.toString());
        }
    }

    /** Cancels SchoolGuard's tasks; stops the scheduler when it is SchoolGuard's own. */
    @Override
    public void close() {
        ScheduledFuture<?> task;
        while ((task = tasks.poll()) != null) {
            task.cancel(false);
        }
        if (owned) {
            scheduler.shutdownNow();
        }
    }
}
