package vn.schoolguard.internal.moderation;

/**
 * How an approved submission reaches the application, implemented on the servlet side: a fresh loopback request
 * (the default) or a forward inside the moderator's request. {@link Moderation} checks the route before sending and
 * judges the answer by the route's {@link SuccessRules} afterwards, the same for every way of sending.
 */
@FunctionalInterface
public interface Replay {

    /**
     * Sends a submission to its stored canonical path, rebuilt only from its approved values, with the poster's kept
     * session values.
     */
    Delivery send(Submission submission, SessionValues session);

    /**
     * What came of sending: the application's answer and the URL it was sent to, or why it never got there.
     *
     * @param answer  what the application answered; null when it was not reached
     * @param target  the URL the replay was sent to, so that a redirect back to it is not taken for success
     * @param failure why the application was not reached (for the moderator); null when it answered
     */
    record Delivery(ReplayAnswer answer, String target, String failure) {

        public static Delivery answered(ReplayAnswer answer, String target) {
            return new Delivery(answer, target, null);
        }

        public static Delivery failed(String failure) {
            return new Delivery(null, null, failure);
        }
    }
}
