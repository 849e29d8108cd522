package vn.schoolguard.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import jakarta.mail.Header;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import vn.schoolguard.internal.alert.AlertSettings;
import vn.schoolguard.internal.alert.Alerts;
import vn.schoolguard.internal.alert.Deliveries;
import vn.schoolguard.internal.alert.MailSettings;
import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.incident.IncidentKind;
import vn.schoolguard.internal.store.JdbcIncidentLog;
import vn.schoolguard.testing.Databases;

/** Hostile page addresses and details mailed through a real SMTP server add no header, no recipient, no line. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailInjectionTest {

    GreenMail smtp;
    Database db;
    Deliveries deliveries;
    Alerts alerts;

    @BeforeAll
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        db = Databases.open(Databases.Kind.H2);
        AlertSettings.Delivery delivery = new AlertSettings.Delivery(0, java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(5));
        MailSettings mail = new MailSettings("127.0.0.1", smtp.getSmtp().getPort(), "canhbao@thcs.edu.vn",
                List.of("it@haiphong.edu.vn"), MailSettings.Security.NONE, "", "");
        deliveries = new Deliveries(List.of(new SmtpChannel(mail, delivery.timeout(), Clock.systemUTC())), delivery, List.of());
        alerts = new Alerts(new JdbcIncidentLog(db), AlertSettings.defaults(), ZoneOffset.ofHours(7), deliveries, Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        deliveries.close();
        db.close();
        smtp.stop();
    }

    static Stream<String> pages() throws Exception {
        return Files.readAllLines(Path.of(MailInjectionTest.class.getResource("/alert/hostile-pages.txt").toURI()),
                StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t").replace("\\0", "\0")
                        .replace("\\u2028", "\u2028").replace("\\u0085", "\u0085").replace("\\u202e", "\u202e"));
    }

    @ParameterizedTest
    @MethodSource("pages")
    void aHostilePageOrDetailStaysInsideTheSubjectAndBody(String page) throws Exception {
        int before = smtp.getReceivedMessages().length;
        alerts.raise("thcs-ngoquyen", IncidentKind.IMPLANT, page, "gambling-link " + page + "\r\nBcc: victim@example.com");
        assertThat(deliveries.awaitIdle(10_000)).isTrue();
        MimeMessage[] all = smtp.getReceivedMessages();
        assertThat(all).as("one message, to the one recipient only").hasSize(before + 1);
        MimeMessage mail = all[all.length - 1];
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("it@haiphong.edu.vn");
        assertThat(mail.getHeader("Bcc")).isNull();
        assertThat(mail.getHeader("X-Injected")).isNull();
        List<String> names = Collections.list(mail.getAllHeaders()).stream().map(Header::getName).toList();
        assertThat(names).doesNotContain("Bcc", "X-Injected");
        String subject = mail.getSubject();
        assertThat(subject).startsWith("[SchoolGuard] thcs-ngoquyen: ").hasSizeLessThanOrEqualTo(160);
        assertThat(subject.codePoints()).noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x202e);
        assertThat((String) mail.getContent()).contains("Trang: ").contains("Bcc: victim@example.com");
    }
}
