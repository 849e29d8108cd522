package vn.schoolguard.bootapp;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The guarded site's test set-up: its settings are the profile {@value #PROFILE} (application-guarded.yaml). */
final class Guarded {

    static final String PROFILE = "guarded";

    private Guarded() {
    }

    /** The data directory, given the way a deployment gives it: a property naming a real directory. */
    static void dataDir(DynamicPropertyRegistry registry, Path dir) {
        registry.add("schoolguard.data.dir", () -> dir.resolve("schoolguard").toString());
    }
}
