package vn.schoolguard.internal.sanitize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The XSS payload corpus in src/test/resources/xss/payloads.txt (one payload per line). */
final class XssCorpus {

    static final List<String> POLICIES = List.of("text", "formatting", "links", "images");

    private XssCorpus() {
    }

    static List<String> payloads() {
        List<String> payloads = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                XssCorpus.class.getResourceAsStream("/xss/payloads.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    payloads.add(line.replace("\\\\n", "\n"));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return payloads;
    }
}
