package vn.schoolguard.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/** The console's Mustache templates, compiled once at startup; output is HTML-escaped unless a template says otherwise. */
final class ConsoleView {

    static final String ROOT = "/vn/schoolguard/internal/web/console/";
    private static final List<String> PAGES = List.of("login", "queue", "item", "history", "accounts", "error",
            "iplog", "iplog-verify", "iplog-audit", "rules", "blocks", "forms", "sites", "reports", "department",
            "department-site");
    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "vi", templateTexts(Messages.of("vi")), "en", templateTexts(Messages.of("en")));

    private final Map<String, Template> templates = new LinkedHashMap<>();

    ConsoleView() {
        Mustache.Compiler compiler = Mustache.compiler()
                .escapeHTML(true)
                .nullValue("")
                .emptyStringIsFalse(true)
                .withLoader(ConsoleView::open);
        for (String page : PAGES) {
            try (Reader reader = open(page)) {
                Template template = compiler.compile(reader);
                templates.put(page, template);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read console template " + page, e);
            }
        }
    }

    String render(String page, Map<String, Object> model) {
        Template template = templates.get(page);
        if (template == null) {
            throw new IllegalArgumentException("no console template " + page);
        }
        return template.execute(model);
    }

    /**
     * The texts of a language for templates: {@code {{t.console_queue_title}}} is the message
     * {@code console.queue.title} (Mustache reads dots as nesting, so dots and dashes become underscores).
     */
    static Map<String, String> texts(Messages messages) {
        return TEXTS.get(messages.language());
    }

    private static Map<String, String> templateTexts(Messages messages) {
        Map<String, String> texts = new LinkedHashMap<>();
        messages.all().forEach((key, text) -> texts.put(key.replace('.', '_').replace('-', '_'), text));
        return Collections.unmodifiableMap(texts);
    }

    private static Reader open(String name) {
        InputStream in = ConsoleView.class.getResourceAsStream(ROOT + name + ".mustache");
        if (in == null) {
            throw new IllegalStateException("missing console template " + ROOT + name + ".mustache");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
