package vn.schoolguard.internal.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import vn.schoolguard.api.ConfigProblem;

/** The sites of a {@code sites.dir}: one {@code <key>.properties} each, read in UTF-8 with the keys of a site section. */
public final class SiteFiles {

    /** How a site file is named. */
    public static final String SUFFIX = ".properties";
    /** At most this many bytes per file: a site's settings are a few lines, not a place to store data. */
    static final long MAX_BYTES = 256 * 1024;

    private SiteFiles() {
    }

    /** Every site file of the directory, sorted by name; a file that cannot be read is one with a problem. */
    public static List<SiteOverlay> read(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : entries) {
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        }
        files.sort(null);
        List<SiteOverlay> sites = new ArrayList<>();
        for (Path file : files) {
            sites.add(readOne(file));
        }
        return sites;
    }

    /** One site file: its key is the file's name without {@code .properties}. */
    public static SiteOverlay readOne(Path file) {
        String name = file.getFileName().toString();
        String key = name.substring(0, name.length() - SUFFIX.length());
        String origin = file.toString();
        if (SiteOverlay.RESERVED.contains(key) || !SiteOverlay.KEY.matcher(key).matches()) {
            return failed(key, origin, "file name", name, "<key>.properties with a site key of lower-case letters,"
                    + " digits and dashes other than key, zone or none");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                return failed(key, origin, "file size", Long.toString(Files.size(file)), "at most " + MAX_BYTES + " bytes");
            }
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                // Editors on Windows start a UTF-8 file with a byte order mark, which would become part of the first key.
                properties.load(new java.io.StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String property : properties.stringPropertyNames()) {
                values.put(property.trim(), properties.getProperty(property));
            }
            return SiteOverlay.parse(key, origin, true, values);
        } catch (IOException | IllegalArgumentException e) {
            return failed(key, origin, "file", name, "a readable properties file in UTF-8 (" + e.getMessage() + ")");
        }
    }

    /** Writes a new site file atomically (a temporary file renamed into place), so a reload never sees half of it. */
    public static Path write(Path dir, String key, String text) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(key + SUFFIX);
        Path temporary = Files.createTempFile(dir, "." + key, ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    private static SiteOverlay failed(String key, String origin, String what, String value, String expected) {
        return new SiteOverlay(key, origin, true, List.of(), Map.of(),
                List.of(new ConfigProblem(origin + ": " + what, value, expected)));
    }
}
