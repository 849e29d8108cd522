package vn.schoolguard.internal.http;

import java.util.List;

import jakarta.servlet.http.HttpSession;

import vn.schoolguard.internal.moderation.SessionValues;

/** Reads a poster's kept session attributes from the session and sets them again in a replay's session. */
final class SessionAttributes {

    private SessionAttributes() {
    }

    /** The kept attributes of a poster's session ({@code route.<name>.session-attributes}); none without a session. */
    static SessionValues keep(HttpSession session, String route, List<String> names) {
        return session == null ? SessionValues.NONE : SessionValues.keep(route, names, session::getAttribute);
    }

    /** Sets every kept attribute, with its original type, in a replay's session. */
    static void applyTo(SessionValues values, HttpSession session) {
        values.typed().forEach(session::setAttribute);
    }
}
