package vn.schoolguard.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.db.Page;
import vn.schoolguard.internal.db.StoreException;
import vn.schoolguard.internal.moderation.Posted;
import vn.schoolguard.internal.moderation.Submission;
import vn.schoolguard.internal.moderation.SubmissionQuery;
import vn.schoolguard.testing.Databases;

/**
 * The hostile search texts of store/hostile-search.jsonl against a real database: each finds the submission that
 * contains it and never a decoy that its characters would match as wildcards.
 */
class HostileSearchTest {

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void hostileSearchTextsMatchOnlyLiterally(Databases.Kind kind) throws Exception {
        List<String> texts = new ArrayList<>();
        SubmissionWhereTest.hostileValues().forEach(a -> {
            Object[] c = a.get();
            // PostgreSQL text cannot hold NUL; there such a search is refused rather than widened (checked at the end).
            if (c[1].equals("text") && !(kind == Databases.Kind.POSTGRES && ((String) c[2]).indexOf('\0') >= 0)) {
                texts.add((String) c[2]);
            }
        });
        try (Database db = Databases.open(kind)) {
            JdbcSubmissionStore store = SubmissionStoreTest.store(db);
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                SubmissionStoreTest.insert(store, withContent("HOST-" + i, "[" + text + "]"));
                String decoy = decoy(text);
                if (!decoy.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) {
                    SubmissionStoreTest.insert(store, withContent("DECO-" + i, "[" + decoy + "]"));
                }
            }
            for (int i = 0; i < texts.size(); i++) {
                Page<Submission> found = store.search("default", new SubmissionQuery(Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.of(texts.get(i)), Optional.empty(), Optional.empty(),
                        1000, 0));
                assertThat(found.items()).as("search %d", i).extracting(Submission::receipt)
                        .allMatch(r -> r.startsWith("HOST-")).contains("HOST-" + i);
            }
            if (kind == Databases.Kind.POSTGRES) {
                assertThatThrownBy(() -> store.search("default", new SubmissionQuery(Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.of("a\0b"), Optional.empty(), Optional.empty(), 50, 0)))
                        .isInstanceOf(StoreException.class);
            }
        }
    }

    /** The text with every wildcard and escape character replaced by what a live wildcard would also match. */
    private static String decoy(String text) {
        return text.replace("\\", "Z").replace("%", "Xx").replace("_", "Y");
    }

    private static Submission withContent(String receipt, String content) {
        Submission s = SubmissionStoreTest.sample("default", receipt, "", SubmissionStoreTest.T0);
        Posted p = s.posted();
        Map<String, List<String>> fields = Map.of("content", List.of(content));
        Posted posted = new Posted(p.route(), p.method(), p.path(), p.queryString(), p.contentType(), p.headers(), fields,
                fields, Map.of(), Map.of(), Map.of(), List.of());
        return Submission.received(s.siteKey(), receipt, s.receivedAt(), posted, s.poster(), s.scoring(),
                s.review().status());
    }
}
