package vn.schoolguard.internal.inject;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One daemon thread working through a bounded queue, for the page watches: a full queue refuses a task rather than
 * making a visitor's request wait. Thread-safe.
 */
final class Background implements AutoCloseable {

    private final ThreadPoolExecutor executor;
    private final AtomicLong pending = new AtomicLong();

    Background(String threadName, int queue) {
        // The thread ends when idle: a deployment of many sites keeps threads only for the sites being watched now.
        this.executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), run -> {
            Thread thread = new Thread(run, threadName);
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    /** Queues a task; false when the queue is full. The task handles its own failures. */
    boolean submit(Runnable task) {
        pending.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    task.run();
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

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
