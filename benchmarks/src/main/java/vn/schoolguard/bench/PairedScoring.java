package vn.schoolguard.bench;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Scoring time of two builds of the filter on the same machine at the same time: each build's classes in a class
 * loader of their own, rounds of 300 ms taken in turn (ABBA), and the median of the per-round ratios printed. A
 * machine whose speed drifts (a shared host, a busy neighbour) slows both sides of a round alike, which two
 * separate JMH runs cannot promise. Give the same directory twice to see the spread of the method itself.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar vn.schoolguard.bench.PairedScoring <baseline classes>
 * <candidate classes> none|marked [rounds]}, where a classes directory is a build's {@code filter/target/classes}.
 * {@code marked}: one campaign is marked first (see {@link SanitizeScoreBenchmark#memory}).
 */
public final class PairedScoring {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final String CAMPAIGN = "Dự đoán xổ số miền Bắc hôm nay, chốt số bạch thủ cực chuẩn, vào nhóm VIP nhận số mỗi ngày";
    private static final long ROUND_NANOS = 300_000_000L;

    private PairedScoring() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: PairedScoring <baseline classes> <candidate classes> none|marked [rounds]");
            System.exit(2);
        }
        String text = SanitizeScoreBenchmark.resource("varied-comment.html");
        boolean marked = args[2].equals("marked");
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        Runnable[] builds = {scoring(Path.of(args[0]), text, marked), scoring(Path.of(args[1]), text, marked)};
        for (int i = 0; i < 1_000; i++) {
            builds[0].run();
            builds[1].run();
        }
        double[][] micros = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int turn = 0; turn < 2; turn++) {
                int build = r % 2 == 0 ? turn : 1 - turn;
                micros[build][r] = round(builds[build]);
            }
        }
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratios[r] = micros[1][r] / micros[0][r];
        }
        System.out.printf("baseline %.0f µs, candidate %.0f µs (medians of %d rounds); candidate/baseline per round: "
                        + "median %.3f, quartiles %.3f–%.3f%n", quantile(micros[0], 0.5), quantile(micros[1], 0.5), rounds,
                quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75));
    }

    /** Mean microseconds of one score over a round. */
    private static double round(Runnable build) {
        long start = System.nanoTime();
        long now = start;
        int scores = 0;
        while (now - start < ROUND_NANOS) {
            build.run();
            scores++;
            now = System.nanoTime();
        }
        return (now - start) / 1000.0 / scores;
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.round(q * (sorted.length - 1))];
    }

    /** One score of the varied comment by the build in {@code classes}, reached by reflection through its own loader. */
    private static Runnable scoring(Path classes, String text, boolean marked) throws Exception {
        ClassLoader loader = new BuildFirstLoader(classes.toUri().toURL(), PairedScoring.class.getClassLoader());
        Class<?> settings = loader.loadClass("vn.schoolguard.internal.spam.SpamSettings");
        Class<?> memoryType = loader.loadClass("vn.schoolguard.internal.spam.SpamMemory");
        Class<?> inMemory = loader.loadClass("vn.schoolguard.internal.spam.InMemorySpamMemory");
        Class<?> scorerType = loader.loadClass("vn.schoolguard.internal.spam.SpamScorer");
        Class<?> inputType = loader.loadClass("vn.schoolguard.internal.spam.ScoringInput");
        Constructor<?> input = inputType.getConstructor(String.class, Map.class, String.class, String.class, String.class,
                String.class, Instant.class, Optional.class);
        Object memory = inMemory.getConstructor().newInstance();
        if (marked) {
            inMemory.getMethod("markSpam", inputType).invoke(memory,
                    input.newInstance("comments", Map.of("content", CAMPAIGN), "", "", "", "198.51.100.9", NOW, Optional.empty()));
        }
        Object scorer = scorerType.getMethod("create", settings, memoryType)
                .invoke(null, settings.getMethod("defaults").invoke(null), memory);
        Method score = scorerType.getMethod("score", inputType);
        Object comment = input.newInstance("comments", Map.of("content", text), "Phụ huynh", "ph@example.vn", "",
                "203.0.113.7", NOW, Optional.empty());
        return () -> {
            try {
                if (score.invoke(scorer, comment) == null) {
                    throw new IllegalStateException("no score");
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /**
     * The filter's classes and resources from one build's directory before the benchmarks JAR (which holds another
     * copy of them); its libraries (OWASP, Jackson…) from the JAR, shared by both builds.
     */
    private static final class BuildFirstLoader extends URLClassLoader {
        private static final String FILTER = "vn.schoolguard.";
        private static final String BENCH = "vn.schoolguard.bench.";

        BuildFirstLoader(URL classes, ClassLoader jar) {
            super(new URL[] {classes}, jar);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(FILTER) || name.startsWith(BENCH)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException e) {
                        loaded = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        @Override
        public URL getResource(String name) {
            URL own = name.startsWith("vn/schoolguard/") && !name.startsWith("vn/schoolguard/bench/") ? findResource(name) : null;
            return own != null ? own : super.getResource(name);
        }
    }
}
