package vn.schoolguard.internal.alert;

/**
 * The port to one place incidents are sent (e-mail, a webhook). {@link Deliveries} calls it off the request
 * thread, one attempt per call, and retries what throws. Implementations are thread-safe.
 */
public interface AlertChannel {

    /** A short name for the log: {@code mail}, {@code webhook}. */
    String name();

    /**
     * Sends one incident once.
     *
     * @throws Exception whatever stopped it; its message is logged, so it must never carry a secret
     */
    void send(AlertMessage message) throws Exception;
}
