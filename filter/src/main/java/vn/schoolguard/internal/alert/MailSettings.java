package vn.schoolguard.internal.alert;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.schoolguard.internal.config.ConfigReader;

/**
 * Alert e-mail over SMTP ({@code alerts.mail.*}). {@link #toString()} never shows the password.
 *
 * @param host     {@code alerts.mail.host}; empty: no mail is sent
 * @param port     {@code alerts.mail.port}; default 25, 587 with {@code starttls}, 465 with {@code ssl}
 * @param from     {@code alerts.mail.from}: the sender address
 * @param to       {@code alerts.mail.to}: the recipients, comma-separated
 * @param security {@code alerts.mail.security}
 * @param user     {@code alerts.mail.user}; empty: no authentication
 * @param password {@code alerts.mail.password}
 */
public record MailSettings(String host, int port, String from, List<String> to, Security security, String user,
                           String password) {

    /** How the SMTP connection is protected. */
    public enum Security {
        /** Plain SMTP (a relay on the same machine or network only). */
        NONE,
        /** Plain connection upgraded with STARTTLS, which must succeed. */
        STARTTLS,
        /** TLS from the first byte (SMTPS). */
        SSL
    }

    // Deliberately narrow: a bare address, no display name, nothing that could end a header or add a recipient.
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]{2,45}]");
    private static final String ADDRESS_EXPECTED = "a plain e-mail address such as canhbao@thcs-ngoquyen.edu.vn"
            + " (no name, no line breaks)";

    public static MailSettings read(ConfigReader reader) {
        Optional<String> host = reader.optional("alerts.mail.host");
        if (host.isPresent() && !HOST.matcher(host.get()).matches()) {
            reader.problem("alerts.mail.host", host.get(), "a host name or address such as smtp.haiphong.edu.vn");
        }
        Security security = Security.valueOf(reader.choice("alerts.mail.security", "starttls", "none", "starttls", "ssl")
                .toUpperCase(Locale.ROOT));
        int port = reader.integer("alerts.mail.port", switch (security) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case SSL -> 465;
        }, 1, 65535);
        String from = address(reader, "alerts.mail.from", host.isPresent());
        List<String> to = reader.list("alerts.mail.to", List.of());
        for (String recipient : to) {
            if (!ADDRESS.matcher(recipient).matches()) {
                reader.problem("alerts.mail.to", reader.raw("alerts.mail.to"), "comma-separated " + ADDRESS_EXPECTED);
                break;
            }
        }
        if (host.isPresent() && to.isEmpty()) {
            reader.problem("alerts.mail.to", "", "at least one recipient when alerts.mail.host is set");
        }
        String user = reader.string("alerts.mail.user", "");
        if (user.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            reader.problem("alerts.mail.user", user, "a user name without control characters");
        }
        String password = reader.string("alerts.mail.password", "");
        if (!password.isEmpty() && user.isEmpty()) {
            // The value itself is a secret: the problem names the key only.
            reader.problem("alerts.mail.password", "(hidden)", "to be set together with alerts.mail.user");
        }
        return new MailSettings(host.orElse(""), port, from, List.copyOf(to), security, user, password);
    }

    private static String address(ConfigReader reader, String key, boolean needed) {
        Optional<String> value = reader.optional(key);
        if (value.isEmpty()) {
            if (needed) {
                reader.problem(key, "", ADDRESS_EXPECTED + " when alerts.mail.host is set");
            }
            return "";
        }
        if (!ADDRESS.matcher(value.get()).matches()) {
            reader.problem(key, reader.raw(key), ADDRESS_EXPECTED);
            return "";
        }
        return value.get();
    }

    /** Whether mail is sent at all. */
    public boolean enabled() {
        return !host.isEmpty();
    }

    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", from=" + from + ", to=" + to + ", security="
                + security + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "(hidden)") + "]";
    }
}
