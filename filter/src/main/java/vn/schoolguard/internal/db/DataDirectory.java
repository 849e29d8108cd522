package vn.schoolguard.internal.db;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import vn.schoolguard.internal.log.Log;


/**
 * The data directory, kept private to the user the site runs as: the directory (and any below it) 700, its files 600,
 * including the H2 files and whatever is created there later (a watcher tightens new files as they appear). A
 * directory that already existed with group or other access gets a warning naming its path and mode and is left as
 * the administrator set it (files in it are still made 600). On a file system without POSIX permissions this is
 * skipped, with one log line.
 */
// Security-critical: the directory holds the IP log (addresses of minors' families) and the console accounts.
public final class DataDirectory implements AutoCloseable {

    private static final Log LOG = Log.get(DataDirectory.class);
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OPEN = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private final Path root;
    private final boolean existedOpen;
    private final WatchService watcher;
    private final Thread thread;

    private DataDirectory(Path root, boolean existedOpen, WatchService watcher) {
        this.root = root;
        this.existedOpen = existedOpen;
        this.watcher = watcher;
        if (watcher == null) {
            thread = null;
            return;
        }
        thread = new Thread(this::watch, "schoolguard-data-dir");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Creates the directory (700) or checks an existing one, tightens what is in it, and keeps tightening new files.
     *
     * @throws IOException when the directory cannot be created
     */
    public static DataDirectory open(Path dir) throws IOException {
        Path root = dir.toAbsolutePath();
        if (!Files.getFileStore(Files.exists(root) ? root : existingParent(root)).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.createDirectories(root);
            LOG.info("The data directory {} is on a file system without POSIX permissions; restrict access to it by other means", root);
            return new DataDirectory(root, false, null);
        }
        boolean existedOpen = false;
        if (Files.isDirectory(root)) {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(root);
            existedOpen = mode.stream().anyMatch(OPEN::contains);
            if (existedOpen) {
                LOG.warn("The data directory {} has mode {} ({}): other users of this machine may reach the IP log and the"
                        + " accounts; restrict it with: chmod 700 {}", root, octal(mode), PosixFilePermissions.toString(mode), root);
            }
        } else {
            Files.createDirectories(root, PosixFilePermissions.asFileAttribute(DIRECTORY));
        }
        WatchService watcher = FileSystems.getDefault().newWatchService();
        DataDirectory directory = new DataDirectory(root, existedOpen, watcher);
        directory.tightenTree(root);
        return directory;
    }

    private static Path existingParent(Path path) {
        Path p = path;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? path.getRoot() : p;
    }

    // Walks a directory: every directory 700 (and watched), every file 600; symbolic links are left alone.
    private void tightenTree(Path dir) {
        tighten(dir);
        try (Stream<Path> children = Files.list(dir)) {
            children.forEach(child -> {
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    tightenTree(child);
                } else {
                    tighten(child);
                }
            });
        } catch (IOException e) {
            LOG.warn("Cannot check the permissions in {}: {}", dir, e.getMessage());
        }
    }

    /** Tightens everything in the directory now (after a database was opened, say), without waiting for the watcher. */
    public void tightenNow() {
        if (watcher != null) {
            tightenTree(root);
        }
    }

    private void tighten(Path path) {
        try {
            if (Files.isSymbolicLink(path) || (path.equals(root) && existedOpen)) {
                registerIfDirectory(path);
                return;
            }
            boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> wanted = directory ? DIRECTORY : FILE;
            if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
                Files.setPosixFilePermissions(path, wanted);
            }
            registerIfDirectory(path);
        } catch (java.nio.file.NoSuchFileException e) {
            // A temporary file that is gone already.
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Cannot restrict the permissions of {}: {}", path, e.getMessage());
        }
    }

    private void registerIfDirectory(Path path) throws IOException {
        if (watcher != null && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            path.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Path dir = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name) {
                        Path created = dir.resolve(name);
                        if (Files.isDirectory(created, LinkOption.NOFOLLOW_LINKS)) {
                            tightenTree(created);
                        } else {
                            tighten(created);
                        }
                    } else {
                        // Events were lost (overflow): check everything again.
                        tightenTree(root);
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String octal(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (PosixFilePermission p : mode) {
            bits |= 1 << (8 - p.ordinal());
        }
        return String.format("%03o", bits);
    }

    public Path path() {
        return root;
    }

    @Override
    public void close() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                LOG.debug("data directory watcher: {}", e.getMessage());
            }
        }
    }
}
