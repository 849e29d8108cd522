package vn.schoolguard.internal.delivery;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPSSLTransport;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import vn.schoolguard.internal.alert.AlertChannel;
import vn.schoolguard.internal.alert.AlertMessage;
import vn.schoolguard.internal.alert.MailSettings;

/**
 * Alert e-mail over SMTP with Angus Mail: plain text in UTF-8, the subject encoded per RFC 2047, STARTTLS or SMTPS
 * with the server's certificate checked for its name. One connection per message (alerts are rare).
 *
 * <p>The transport is made directly and the body handed over as bytes: the drop-in JAR relocates Angus Mail, and its
 * provider and mailcap files, which name the original classes, are left out of the JAR so that they never reach the
 * host's own mail library.
 */
public final class SmtpChannel implements AlertChannel {

    private final MailSettings mail;
    private final Duration timeout;
    private final Clock clock;

    public SmtpChannel(MailSettings mail, Duration timeout, Clock clock) {
        this.mail = mail;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public void send(AlertMessage message) throws MessagingException {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // Jakarta Mail finds its stream provider through the context class loader: ours, whoever runs the thread.
        thread.setContextClassLoader(SmtpChannel.class.getClassLoader());
        try {
            Session session = Session.getInstance(properties());
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(new InternetAddress(mail.from(), true));
            for (String to : mail.to()) {
                mime.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            }
            mime.setSubject(message.subject(), "UTF-8");
            mime.setSentDate(Date.from(clock.instant()));
            mime.setHeader("Auto-Submitted", "auto-generated");
            mime.setDataHandler(new DataHandler(new Utf8Text(message.body())));
            mime.setHeader("Content-Type", Utf8Text.TYPE);
            mime.saveChanges();
            boolean ssl = mail.security() == MailSettings.Security.SSL;
            URLName where = new URLName(ssl ? "smtps" : "smtp", mail.host(), mail.port(), null, null, null);
            try (Transport transport = ssl ? new SMTPSSLTransport(session, where) : new SMTPTransport(session, where)) {
                transport.connect(mail.host(), mail.port(), mail.user().isEmpty() ? null : mail.user(),
                        mail.user().isEmpty() ? null : mail.password());
                transport.sendMessage(mime, mime.getAllRecipients());
            }
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        String millis = Long.toString(timeout.toMillis());
        for (String protocol : new String[] {"smtp", "smtps"}) {
            String prefix = "mail." + protocol + ".";
            p.setProperty(prefix + "connectiontimeout", millis);
            p.setProperty(prefix + "timeout", millis);
            p.setProperty(prefix + "writetimeout", millis);
            p.setProperty(prefix + "auth", Boolean.toString(!mail.user().isEmpty()));
            p.setProperty(prefix + "from", mail.from());
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        if (mail.security() == MailSettings.Security.STARTTLS) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        return p;
    }

    /** The body as UTF-8 bytes: written as it is, with no content handler looked up for it. */
    private static final class Utf8Text implements DataSource {

        static final String TYPE = "text/plain; charset=UTF-8";
        private final byte[] bytes;

        Utf8Text(String text) {
            this.bytes = text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public String getContentType() {
            return TYPE;
        }

        @Override
        public String getName() {
            return "alert.txt";
        }
    }
}
