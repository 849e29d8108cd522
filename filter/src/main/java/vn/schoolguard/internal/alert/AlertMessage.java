package vn.schoolguard.internal.alert;

import vn.schoolguard.internal.incident.Incident;

/**
 * One incident as the channels send it: the incident itself and its mail texts in the configured language (the
 * webhook signs {@link WebhookMessage} at each attempt, so that its timestamp is the attempt's).
 *
 * @param incident the recorded incident (with its id)
 * @param subject  a one-line mail subject: no line breaks or other control characters, at most
 *                 {@link AlertTexts#MAX_SUBJECT} characters
 * @param body     the mail body, plain text
 */
public record AlertMessage(Incident incident, String subject, String body) {
}
