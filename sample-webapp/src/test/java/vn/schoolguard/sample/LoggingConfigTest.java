package vn.schoolguard.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;

/** Loads the site's production logback.xml (not the test one) into a private logger context. */
class LoggingConfigTest {

    @TempDir
    Path logs;

    private LoggerContext load() throws Exception {
        URL config = SampleSite.class.getResource("/logback.xml");
        assertThat(config).as("logback.xml on the class path").isNotNull();
        LoggerContext context = new LoggerContext();
        // A context built by hand lacks the MDC adapter the logback service provider installs.
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.putProperty("sample.logs.dir", logs.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(config);
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .noneMatch(status -> status.getLevel() >= ch.qos.logback.core.status.Status.WARN);
        return context;
    }

    @Test
    void ipLogGoesAsJsonLinesToItsOwnFileOnly() throws Exception {
        LoggerContext context = load();
        Logger ipLog = context.getLogger("vn.schoolguard.iplog");
        ipLog.info("submission {} from {}:{}", "S-42", "203.0.113.7", 51234);
        ipLog.info("bình luận từ {}", "2001:db8::1");
        context.getLogger("vn.schoolguard.sample.SampleSite").info("not for the IP log");
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .noneMatch(status -> status.getLevel() >= ch.qos.logback.core.status.Status.WARN);
        context.stop();

        List<String> lines = Files.readAllLines(logs.resolve("iplog.json"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("loggerName").asText()).isEqualTo("vn.schoolguard.iplog");
        assertThat(first.get("level").asText()).isEqualTo("INFO");
        assertThat(first.get("formattedMessage").asText()).isEqualTo("submission S-42 from 203.0.113.7:51234");
        assertThat(first.has("timestamp")).isTrue();
        assertThat(new ObjectMapper().readTree(lines.get(1)).get("formattedMessage").asText()).isEqualTo("bình luận từ 2001:db8::1");
    }

    @Test
    void ipLogMirrorLinesKeepTheirFactsInTheMessageAndAsJsonFields() throws Exception {
        LoggerContext context = load();
        // What vn.schoolguard.log does for an IP-log line on SLF4J: facts in the text, the same facts in the MDC.
        context.getMDCAdapter().put("client_ip", "203.0.113.7");
        context.getMDCAdapter().put("client_port", "51234");
        context.getMDCAdapter().put("route", "comments");
        context.getLogger("vn.schoolguard.iplog")
                .info("iplog seq=42 outcome=held client=203.0.113.7:51234 peer=10.0.0.2:40112 route=comments");
        context.getMDCAdapter().clear();
        context.stop();

        JsonNode line = new ObjectMapper().readTree(Files.readAllLines(logs.resolve("iplog.json"), StandardCharsets.UTF_8).get(0));
        assertThat(line.get("formattedMessage").asText()).contains("client=203.0.113.7:51234").contains("route=comments");
        assertThat(line.get("mdc").get("client_ip").asText()).isEqualTo("203.0.113.7");
        assertThat(line.get("mdc").get("client_port").asText()).isEqualTo("51234");
    }

    @Test
    void ipLogIsNotCopiedToTheConsoleAndRollsBySizeAndDay() throws Exception {
        LoggerContext context = load();
        ch.qos.logback.classic.Logger ipLog = context.getLogger("vn.schoolguard.iplog");

        assertThat(ipLog.isAdditive()).isFalse();
        RollingFileAppender<?> appender = (RollingFileAppender<?>) ipLog.getAppender("IPLOG");
        assertThat(appender.getEncoder()).isInstanceOf(ch.qos.logback.classic.encoder.JsonEncoder.class);
        SizeAndTimeBasedRollingPolicy<?> policy = (SizeAndTimeBasedRollingPolicy<?>) appender.getRollingPolicy();
        assertThat(policy.getMaxHistory()).isEqualTo(30);
        assertThat(policy.getFileNamePattern()).isEqualTo(logs + "/iplog.%d{yyyy-MM-dd}.%i.json.gz");
        assertThat(context.getLogger("ROOT").getAppender("IPLOG")).isNull();
        context.stop();
    }

    @Test
    void jettyLogsAtInfoOrAboveNeverDebug() throws Exception {
        LoggerContext context = load();

        assertThat(context.getLogger("org.eclipse.jetty").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.eclipse.jetty.io.ManagedSelector").isDebugEnabled()).isFalse();
        assertThat(context.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel()).isEqualTo(Level.WARN);
        context.stop();
    }
}
