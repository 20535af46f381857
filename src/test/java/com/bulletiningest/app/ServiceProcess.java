package com.bulletiningest.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The service as its own JVM, started the way an admin starts it ({@code com.bulletiningest.app.Main} in a working
 * directory holding copies of {@code config/} and {@code routes/}), for tests that crash it: {@link #kill9()} is a
 * SIGKILL of the JVM and of its embedded PostgreSQL, as a power cut or the OOM killer leaves them. Properties go to
 * the JVM as {@code -D} (they win over the file); ports are free ones, so suites may run side by side. Every start
 * appends its output to {@link #log()}; {@link #awaitLog} looks at the output of the current start only.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Generous: on a loaded machine a start after a crash (JVM, recovery, HanLP) has taken over a minute. */
    public static final Duration PATIENCE = Duration.ofMinutes(5);

    public final Map<String, String> properties = new LinkedHashMap<>();
    /** Options of the JVM before the properties; tests may change them (a smaller heap, GC logging). */
    public final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m"));
    /** Environment variables the JVM gets beside this one's (e.g. {@code CAMEL_SERVER_HOST}). */
    public final Map<String, String> environment = new LinkedHashMap<>();
    private final Path home;
    private final int databasePort;
    private Process jvm;
    private long logStart;

    /** A working directory under {@code home} with config/, routes/, an empty inbox and data folder and these owners. */
    public ServiceProcess(Path home, String ownersYaml) throws IOException {
        this.home = home;
        copyFolder(Path.of("config"), home.resolve("config"));
        copyFolder(Path.of("routes"), home.resolve("routes"));
        Files.writeString(home.resolve("config/owners.yaml"), ownersYaml);
        Files.createDirectories(inbox());
        databasePort = RunningService.freePort();
        properties.put("bulletin.inbox.poll-delay", "200");
        properties.put("bulletin.inbox.check-interval", "200");
        properties.put("bulletin.inbox.min-age", "300");
        properties.put("bulletin.imap.poll-delay", "300");
        properties.put("bulletin.notify.period", "500");
        properties.put("bulletin.db.embedded-port", String.valueOf(databasePort));
        properties.put("bulletin.smtp.port", String.valueOf(RunningService.freePort()));
        properties.put("bulletin.imap.port", String.valueOf(RunningService.freePort()));
        properties.put("bulletin.http.port", String.valueOf(RunningService.freePort()));
        properties.put("camel.main.routes-reload-enabled", "false");
    }

    /** Starts the JVM with the test's own classpath; returns at once (see {@link #awaitLog}). */
    public void start() throws IOException {
        if (jvm != null && jvm.isAlive()) {
            throw new IllegalStateException("already running");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dfile.encoding=UTF-8");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(classpath());
        command.add(Main.class.getName());
        logStart = Files.exists(log()) ? Files.size(log()) : 0;
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().putAll(environment);
        jvm = builder.start();
    }

    /** Waits until a line of the current start's output matches {@code regex}; returns that line. */
    public String awaitLog(String regex) throws Exception {
        return awaitLog(regex, 1);
    }

    /** Waits until {@code count} lines of the current start's output match {@code regex}; returns the last of them. */
    public String awaitLog(String regex, int count) throws Exception {
        Pattern pattern = Pattern.compile(regex);
        try {
            List<String> matching = Awaitility.await(regex).atMost(PATIENCE).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50)).until(() -> {
                        List<String> lines = currentOutput().lines().filter(line -> pattern.matcher(line).find())
                                .toList();
                        if (lines.size() < count && !jvm.isAlive()) {
                            throw new AssertionError("the service exited (" + jvm.exitValue() + ") before logging "
                                    + regex + ":\n" + currentOutput());
                        }
                        return lines;
                    }, lines -> lines.size() >= count);
            return matching.get(count - 1);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not within " + PATIENCE.toSeconds() + " s in the log: " + regex + "\n"
                    + currentOutput(), e);
        }
    }

    /** What the current start has written so far. */
    public String currentOutput() throws IOException {
        byte[] all = Files.readAllBytes(log());
        return new String(all, (int) logStart, all.length - (int) logStart, StandardCharsets.UTF_8);
    }

    /**
     * SIGKILL to the JVM and to its PostgreSQL server and every process of it, nothing shut down cleanly. The
     * postmaster is frozen (SIGSTOP) first so it cannot start a process between the listing and the kill.
     */
    public void kill9() throws Exception {
        List<ProcessHandle> victims = new ArrayList<>();
        victims.add(jvm.toHandle());
        jvm.toHandle().descendants().forEach(victims::add); // pg_ctl and unshare while starting or stopping
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isPresent()) {
            signal("STOP", postmaster.get());
            victims.add(postmaster.get());
            postmaster.get().descendants().forEach(victims::add);
        }
        victims.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle victim : victims) {
            victim.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    /** SIGKILL to the JVM alone: its PostgreSQL server keeps running without it. */
    public void kill9Jvm() throws Exception {
        jvm.toHandle().destroyForcibly();
        jvm.onExit().get(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as {@code kill} or a service manager stops it; waits for a clean exit. Returns the exit code. */
    public int stop() throws Exception {
        jvm.destroy();
        if (!jvm.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the service did not stop within " + PATIENCE.toSeconds() + " s");
        }
        return jvm.exitValue();
    }

    /** Stops a running service and, if one is left, its PostgreSQL server (tests end with nothing running). */
    @Override
    public void close() throws Exception {
        if (jvm != null && jvm.isAlive()) {
            stop();
        }
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isPresent()) {
            postmaster.get().destroy(); // SIGTERM: smart shutdown of a left-over server
            postmaster.get().onExit().get(60, TimeUnit.SECONDS);
        }
    }

    /** Waits for the JVM to end by itself; returns its exit code. */
    public int awaitExit() throws Exception {
        if (!jvm.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the service did not end within " + PATIENCE.toSeconds() + " s");
        }
        return jvm.exitValue();
    }

    public boolean isRunning() {
        return jvm != null && jvm.isAlive();
    }

    /** The live PostgreSQL server of this service, from {@code postmaster.pid} in its data directory. */
    public Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = dataDir().resolve("postgres/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(pidFile)) {
            Optional<String> first = lines.findFirst().map(String::trim);
            return first.filter(pid -> pid.matches("\\d+")).flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        }
    }

    /** Every live process running the PostgreSQL server binary with this service's data directory. */
    public List<ProcessHandle> postmasters() {
        String dataDir = dataDir().resolve("postgres").toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(process -> process.info().arguments().map(a -> List.of(a).contains(dataDir)).orElse(false))
                .toList();
    }

    /** The service's embedded database as its role {@code bulletins} sees it, with the password from its file. */
    public DataSource database() throws IOException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {databasePort});
        dataSource.setDatabaseName("bulletins");
        dataSource.setUser("bulletins");
        dataSource.setPassword(Files.readString(dataDir().resolve("bulletins.password")).strip());
        return dataSource;
    }

    public int databasePort() {
        return databasePort;
    }

    public Path home() {
        return home;
    }

    public Path inbox() {
        return home.resolve("inbox");
    }

    public Path dataDir() {
        return home.resolve("data");
    }

    public Path log() {
        return home.resolve("service.log");
    }

    /** Writes a PDF into the inbox as a copy does: beside it first, then moved in under {@code name}. */
    public void drop(byte[] pdf, String name) throws IOException {
        Path partial = home.resolve(name + ".part");
        Files.write(partial, pdf);
        Files.move(partial, inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The number the log line {@code bulletin #N from …} gives, from a line {@link #awaitLog} returned. */
    public static long bulletinNumber(String logLine) {
        Matcher matcher = Pattern.compile("bulletin #(\\d+)").matcher(logLine);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no bulletin number in: " + logLine);
        }
        return Long.parseLong(matcher.group(1));
    }

    /**
     * The test runtime classpath with target/classes for the service: failsafe puts the packaged jar there instead,
     * whose manifest adds target/lib/ and with it a second copy of every dependency (zonky refuses two binaries).
     */
    private static String classpath() {
        String separator = System.getProperty("path.separator");
        List<String> entries = new ArrayList<>();
        entries.add(Path.of("target/classes").toAbsolutePath().toString());
        for (String entry : System.getProperty("java.class.path").split(separator)) {
            if (!entry.endsWith(".jar") || !Path.of(entry).getParent().endsWith("target")) {
                entries.add(entry);
            }
        }
        return String.join(separator, entries);
    }

    private static void signal(String signal, ProcessHandle process) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
