package vn.schoolguard.internal.spam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@link SpamMemory} kept in the heap, for the {@code score} command and tests. Thread-safe.
 *
 * <pre>{@code
 * InMemorySpamMemory memory = new InMemorySpamMemory();
 * SpamScorer scorer = SpamScorer.create(settings, memory);
 * SpamScore score = scorer.score(input);
 * memory.remember(input);                 // later posts of the same text count as repeats
 * if (moderatorSaysSpam) memory.markSpam(input);
 * }</pre>
 */
public final class InMemorySpamMemory implements SpamMemory {

    private final Map<String, List<Instant>> received = new HashMap<>();
    private final Set<String> ips = new HashSet<>();
    private final Set<String> emails = new HashSet<>();
    private final Set<String> hosts = new HashSet<>();
    private final Set<String> fingerprints = new HashSet<>();
    private final Map<String, Set<String>> signaturesByBand = new HashMap<>();

    /** Records a received submission (its fingerprint and time). */
    public synchronized void remember(ScoringInput input) {
        received.computeIfAbsent(SpamScorer.fingerprint(input), k -> new ArrayList<>()).add(input.receivedAt());
    }

    /** Records a moderator's "spam" decision on a submission: its IP, e-mail, hosts and fingerprint. */
    public synchronized void markSpam(ScoringInput input) {
        if (!input.clientIp().isBlank()) {
            ips.add(input.clientIp());
        }
        if (!input.email().isBlank()) {
            emails.add(input.email().trim().toLowerCase(Locale.ROOT));
        }
        hosts.addAll(SpamScorer.hosts(input));
        fingerprints.add(SpamScorer.fingerprint(input));
        Map<String, Set<String>> campaign = SpamScorer.campaignMarks(input);
        for (String signature : campaign.getOrDefault(SpamScorer.MINHASH_MARK, Set.of())) {
            for (String band : campaign.getOrDefault(SpamScorer.BAND_MARK, Set.of())) {
                signaturesByBand.computeIfAbsent(band, k -> new LinkedHashSet<>()).add(signature);
            }
        }
    }

    @Override
    public synchronized boolean holdsSignatures() {
        return !signaturesByBand.isEmpty();
    }

    @Override
    public synchronized Set<String> markedSpamSignatures(Set<String> bands) {
        Set<String> found = new LinkedHashSet<>();
        for (String band : bands) {
            found.addAll(signaturesByBand.getOrDefault(band, Set.of()));
        }
        return found;
    }

    /** Marks hosts directly, as a site's block list import would. */
    public synchronized void markSpamHosts(Collection<String> hostNames) {
        for (String host : hostNames) {
            hosts.add(host.toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public synchronized int countSameFingerprint(String fingerprint, Instant from, Instant to) {
        int count = 0;
        for (Instant at : received.getOrDefault(fingerprint, List.of())) {
            if (!at.isBefore(from) && at.isBefore(to)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public synchronized boolean markedSpamIp(String ip) {
        return ips.contains(ip);
    }

    @Override
    public synchronized boolean markedSpamEmail(String email) {
        return emails.contains(email);
    }

    @Override
    public synchronized Set<String> markedSpamHosts(Set<String> candidates) {
        Set<String> found = new LinkedHashSet<>();
        for (String host : candidates) {
            if (hosts.contains(host)) {
                found.add(host);
            }
        }
        return found;
    }

    @Override
    public synchronized boolean markedSpamFingerprint(String fingerprint) {
        return fingerprints.contains(fingerprint);
    }
}
