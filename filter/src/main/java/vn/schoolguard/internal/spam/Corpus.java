package vn.schoolguard.internal.spam;

import vn.schoolguard.internal.hash.Sha256;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A labelled corpus: every {@code *.jsonl} file under a directory (symbolic links followed), one
 * {@code {"id","label":"spam|legit","category","hard","group","text"}} per line, sorted by id. The split into
 * train (70 %), dev (15 %) and test (15 %) is fixed by a hash of the group (else the id), so variants of one
 * seed text never straddle splits and adding texts never moves existing ones.
 */
final class Corpus {

    /** Where a labelled text belongs. */
    enum Split { TRAIN, DEV, TEST }

    /** One labelled text. */
    record Item(String id, boolean spam, String category, boolean hard, String group, String text) {

        Split split() {
            return Corpus.split(groupKey());
        }

        /** The key that keeps a text with its paraphrases: its group, else its id. */
        String groupKey() {
            return group.isEmpty() ? id : group;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private Corpus() {
    }

    /** Reads every item under a directory, sorted by id; a bad line fails naming its file and line. */
    static List<Item> read(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException(SpamTexts.notACorpus(directory));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory, FileVisitOption.FOLLOW_LINKS)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p)).sorted().toList();
        }
        List<Item> items = new ArrayList<>();
        for (Path file : files) {
            readFile(file, items);
        }
        items.sort(Comparator.comparing(Item::id));
        return items;
    }

    private static void readFile(Path file, List<Item> items) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                items.add(item(JSON.readTree(line), file + ":" + number));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": " + e.getOriginalMessage(), e);
        }
    }

    /** One line of a corpus or evaluation file. */
    static Item item(JsonNode node, String where) throws IOException {
        if (node == null || !node.isObject() || !node.path("text").isTextual() || !node.path("id").isValueNode()) {
            throw new IOException(SpamTexts.badCorpusLine(where, "an object with \"id\" and \"text\""));
        }
        String label = node.path("label").asText("");
        if (!label.equals("spam") && !label.equals("legit")) {
            throw new IOException(SpamTexts.badCorpusLine(where, "\"label\": \"spam\" or \"legit\""));
        }
        return new Item(node.get("id").asText(), label.equals("spam"), node.path("category").asText(""),
                node.path("hard").asBoolean(false), node.path("group").asText(""), node.get("text").asText());
    }

    /** The split of a group key: the first four bytes of its SHA-256, modulo 100. */
    static Split split(String key) {
        byte[] d = Sha256.digest(key);
        int bucket = (int) (Integer.toUnsignedLong(((d[0] & 0xFF) << 24) | ((d[1] & 0xFF) << 16) | ((d[2] & 0xFF) << 8)
                | (d[3] & 0xFF)) % 100);
        return bucket < 70 ? Split.TRAIN : bucket < 85 ? Split.DEV : Split.TEST;
    }
}
