package vn.schoolguard.internal.moderation;

/** A submission refused before it was stored: the HTTP status to answer and a reason the poster can read. */
public final class BadSubmission extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    BadSubmission(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static BadSubmission tooLarge(long limit) {
        return new BadSubmission(413, "the submission is larger than the " + limit + " bytes this site accepts");
    }

    public static BadSubmission tooManyFields(int limit) {
        return new BadSubmission(400, "the submission has more than " + limit + " fields");
    }

    public static BadSubmission fieldTooLong(String field, int limit) {
        return new BadSubmission(400, "field '" + field + "' is longer than " + limit + " characters");
    }

    public static BadSubmission malformed(String what) {
        return new BadSubmission(400, "the submission is malformed: " + what);
    }

    public static BadSubmission badPath(String path, String why) {
        return new BadSubmission(400, "the address '" + path + "' is not accepted for a submission: " + why);
    }

    public static BadSubmission badCharset(String name, String expected) {
        return new BadSubmission(415, "the charset '" + name + "' in Content-Type is not accepted; send " + expected);
    }

    public static BadSubmission unsupportedType(String type) {
        return new BadSubmission(415, "content type '" + type + "' is not accepted here; send a form"
                + " (application/x-www-form-urlencoded) or JSON (application/json)");
    }
}
