package vn.schoolguard.internal.alert;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import vn.schoolguard.internal.log.Log;

/**
 * Sends each incident through every channel on one daemon thread of its own, retrying a failed attempt after
 * {@code alerts.retry-delay}, then twice as long each time, up to {@code alerts.retries} times; what still fails is
 * logged once, with the reason. At most {@value #MAX_PENDING} sends wait at once: beyond that a new one is dropped
 * and counted, so a mail server that is down during a burst of incidents cannot fill the memory.
 *
 * <p>Why not the housekeeping scheduler: one SMTP or HTTP attempt may take the whole {@code alerts.timeout}, and the
 * housekeeping thread (possibly the host's own scheduler) also runs IP-log retention and rate-limit clean-up, which
 * must not wait behind an unreachable mail server. Why not the request thread: a poster's request never waits for
 * an alert. Thread-safe.
 */
public final class Deliveries implements AutoCloseable {

    static final int MAX_PENDING = 500;
    private static final Log LOG = Log.get("vn.schoolguard.alert");

    private final List<AlertChannel> channels;
    private final AlertSettings.Delivery settings;
    private final List<String> secrets;
    private final ScheduledExecutorService executor;
    private final boolean ownExecutor;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * @param secrets texts never to log (the mail password, the webhook secret), blanked from failure reasons
     */
    public Deliveries(List<AlertChannel> channels, AlertSettings.Delivery settings, List<String> secrets) {
        this(channels, settings, secrets, thread(), true);
    }

    /**
     * Deliveries on a sender thread shared with other sites ({@link #thread()}), which {@link #close()} leaves running:
     * a platform of hundreds of sites sends on one thread, not one each.
     */
    public Deliveries(List<AlertChannel> channels, AlertSettings.Delivery settings, List<String> secrets,
                      ScheduledExecutorService shared) {
        this(channels, settings, secrets, shared, false);
    }

    private Deliveries(List<AlertChannel> channels, AlertSettings.Delivery settings, List<String> secrets,
                       ScheduledExecutorService executor, boolean ownExecutor) {
        this.channels = List.copyOf(channels);
        this.settings = settings;
        this.secrets = secrets.stream().filter(s -> !s.isEmpty()).toList();
        this.executor = executor;
        this.ownExecutor = ownExecutor;
    }

    /** A sender thread: one daemon thread named {@code schoolguard-alerts}. */
    public static ScheduledExecutorService thread() {
        return Executors.newSingleThreadScheduledExecutor(run -> {
            Thread thread = new Thread(run, "schoolguard-alerts");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues {@code message} for every channel and returns at once. */
    public void submit(AlertMessage message) {
        for (AlertChannel channel : channels) {
            if (pending.incrementAndGet() > MAX_PENDING) {
                pending.decrementAndGet();
                if (dropped.incrementAndGet() % 100 == 1) {
                    LOG.warn("Alert {} not sent by {}: {} sends are already waiting ({} dropped so far)",
                            message.incident().id(), channel.name(), MAX_PENDING, dropped.get());
                }
                continue;
            }
            schedule(() -> attempt(channel, message, 0), Duration.ZERO);
        }
    }

    private void attempt(AlertChannel channel, AlertMessage message, int retry) {
        try {
            channel.send(message);
            sent.incrementAndGet();
            pending.decrementAndGet();
            if (retry > 0) {
                LOG.info("Alert {} sent by {} after {} retr{}", message.incident().id(), channel.name(), retry,
                        retry == 1 ? "y" : "ies");
            }
        } catch (Exception e) {
            if (retry < settings.retries()) {
                Duration wait = settings.retryDelay().multipliedBy(1L << Math.min(retry, 20));
                LOG.debug("Alert {} by {} failed, retry {} in {}: {}", message.incident().id(), channel.name(),
                        retry + 1, wait, reason(e));
                schedule(() -> attempt(channel, message, retry + 1), wait);
                return;
            }
            failed.incrementAndGet();
            pending.decrementAndGet();
            LOG.warn("Alert {} ({} on site {}) could not be sent by {} after {} attempt(s): {}", message.incident().id(),
                    message.incident().kind().key(), message.incident().siteKey(), channel.name(), retry + 1, reason(e));
        }
    }

    private void schedule(Runnable work, Duration delay) {
        try {
            executor.schedule(work, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
        }
    }

    /** What went wrong, on one line, with any secret blanked out. */
    String reason(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 400; t = t.getCause() == t ? null : t.getCause()) {
            text.append(text.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName())
                    .append(t.getMessage() == null ? "" : ": " + t.getMessage());
        }
        String reason = AlertTexts.oneLine(text.toString(), 400);
        for (String secret : secrets) {
            reason = reason.replace(secret, "(hidden)");
        }
        return reason;
    }

    public long sent() {
        return sent.get();
    }

    public long failed() {
        return failed.get();
    }

    public long dropped() {
        return dropped.get();
    }

    /** Waits until nothing is waiting to be sent, for tests and an orderly stop; true when that happened in time. */
    public boolean awaitIdle(long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (pending.get() > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Stops the sender thread when it is this site's own; a shared one stops with the platform. */
    @Override
    public void close() {
        if (ownExecutor) {
            executor.shutdownNow();
        }
    }
}
