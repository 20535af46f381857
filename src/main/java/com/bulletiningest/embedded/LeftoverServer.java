package com.bulletiningest.embedded;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an earlier run left in the embedded data directory: after a SIGKILL of the JVM its PostgreSQL keeps running
 * (zonky starts it detached), and after a crash of both the {@code postmaster.pid} file stays. Before a start the
 * running leftover is shut down (fast, then immediate) and a stale pid file naming some other process is removed,
 * so the start neither fails nor runs a second server. A data directory still in use by a live service is refused.
 */
final class LeftoverServer {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverServer.class);
    /** The lock file zonky's EmbeddedPostgres holds while its JVM runs. */
    private static final String OWNER_LOCK = "epg-lock";
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(60);
    private static final Duration IMMEDIATE_SHUTDOWN = Duration.ofSeconds(15);

    private LeftoverServer() {
    }

    static void clear(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> server = postmaster(pidFile, dataDirectory);
        if (server.isEmpty()) {
            // PostgreSQL refuses to start while the pid in this file belongs to a live process, whichever it is
            LOG.info("Removing the stale {} of an earlier run (its server is gone)", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        if (inUse(dataDirectory)) {
            throw new IOException("the database under " + dataDirectory + " is in use by another running "
                    + "bulletin-ingest (PostgreSQL pid " + server.get().pid() + "); stop that one first");
        }
        LOG.warn("PostgreSQL (pid {}) left running by an earlier run that was killed: shutting it down before the start",
                server.get().pid());
        if (!shutDown(server.get(), "INT", FAST_SHUTDOWN) && !shutDown(server.get(), "QUIT", IMMEDIATE_SHUTDOWN)) {
            throw new IOException("PostgreSQL (pid " + server.get().pid() + ") left by an earlier run does not stop");
        }
    }

    /** The live server process of this data directory named in the pid file, if any. */
    private static Optional<ProcessHandle> postmaster(Path pidFile, Path dataDirectory) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        // line 2 of postmaster.pid is the data directory the server runs on
        boolean sameDirectory = Path.of(lines.get(1).strip()).toAbsolutePath().equals(dataDirectory.toAbsolutePath());
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(process -> sameDirectory)
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false));
    }

    /** Whether a live JVM holds zonky's lock on the data directory (this one included). */
    private static boolean inUse(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(OWNER_LOCK);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileOutputStream stream = new FileOutputStream(lockFile.toFile(), true);
             FileLock lock = stream.getChannel().tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /** Sends {@code signal} (INT: fast shutdown, QUIT: immediate) and waits for the server to exit. */
    private static boolean shutDown(ProcessHandle server, String signal, Duration patience) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, String.valueOf(server.pid())).inheritIO().start().waitFor();
            server.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IOException("could not stop PostgreSQL", e);
        }
    }
}
