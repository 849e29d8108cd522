package vn.schoolguard.internal.inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded queue of background tasks for the page watches, run on one daemon thread per kind of watch shared by every
 * site (500 sites are not 500 threads): a full queue refuses a task rather than making a visitor's request wait, and
 * the thread ends when idle. Thread-safe.
 */
final class Background implements AutoCloseable {

    private static final Map<String, ThreadPoolExecutor> SHARED = new ConcurrentHashMap<>();

    private final ThreadPoolExecutor executor;
    /** Tasks of this queue running or waiting: at most one running plus {@code queue} waiting, as a queue of its own. */
    private final int capacity;
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean closed;

    Background(String threadName, int queue) {
        this.executor = SHARED.computeIfAbsent(threadName, Background::executor);
        this.capacity = queue + 1;
    }

    private static ThreadPoolExecutor executor(String threadName) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), run -> {
            Thread thread = new Thread(run, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** Queues a task; false when this queue is full or closed. The task handles its own failures. */
    boolean submit(Runnable task) {
        if (closed || pending.incrementAndGet() > capacity) {
            if (!closed) {
                pending.decrementAndGet();
            }
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    if (!closed) {
                        task.run();
                    }
                } finally {
                    pending.decrementAndGet();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            return false;
        }
    }

    /** Waits for queued tasks to end, for tests and orderly shutdown; false when they did not in time. */
    boolean awaitIdle(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (pending.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        return true;
    }

    /** Stops taking tasks; queued ones are skipped. The shared thread serves the other sites on. */
    @Override
    public void close() {
        closed = true;
    }
}
