package vn.schoolguard.internal.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One scheduler for background work: failures do not stop a task; the host's scheduler is never shut down. */
class HousekeepingTest {

    @Test
    void aTaskThatFailsRunsAgainAtItsNextTime() throws Exception {
        try (Housekeeping housekeeping = Housekeeping.ownThread()) {
            CountDownLatch runs = new CountDownLatch(3);
            housekeeping.every("flaky", Duration.ZERO, Duration.ofMillis(5), () -> {
                runs.countDown();
                throw new IllegalStateException("database down");
            });
            assertThat(runs.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closingCancelsTasksButLeavesTheHostsSchedulerRunning() throws Exception {
        ScheduledExecutorService host = Executors.newSingleThreadScheduledExecutor();
        try {
            AtomicInteger runs = new AtomicInteger();
            Housekeeping housekeeping = Housekeeping.on(host);
            housekeeping.every("count", Duration.ZERO, Duration.ofMillis(5), runs::incrementAndGet);
            housekeeping.once("later", Duration.ofHours(1), runs::incrementAndGet);
            Thread.sleep(50);
            housekeeping.close();
            int afterClose = runs.get();
            Thread.sleep(50);
            assertThat(runs.get()).isBetween(afterClose, afterClose + 1);
            assertThat(host.isShutdown()).isFalse();
            assertThat(host.submit(() -> "still works").get(5, TimeUnit.SECONDS)).isEqualTo("still works");
        } finally {
            host.shutdownNow();
        }
    }

    @Test
    void aCancelledTaskStops() throws Exception {
        try (Housekeeping housekeeping = Housekeeping.ownThread()) {
            AtomicInteger runs = new AtomicInteger();
            Housekeeping.Task task = housekeeping.every("count", Duration.ZERO, Duration.ofMillis(5), runs::incrementAndGet);
            Thread.sleep(40);
            task.cancel();
            int afterCancel = runs.get();
            Thread.sleep(40);
            assertThat(runs.get()).isBetween(afterCancel, afterCancel + 1);
        }
    }
}
