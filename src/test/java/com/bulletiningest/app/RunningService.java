package com.bulletiningest.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import com.bulletiningest.embedded.MailClient;
import com.bulletiningest.fixtures.Folders;
import com.bulletiningest.fixtures.Rows;
import com.bulletiningest.store.db.Database;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole service as it runs in production, for end-to-end tests: the real config/application.properties and
 * routes/*.yaml on embedded PostgreSQL and the embedded SMTP/IMAP server, with a temporary inbox, data folder and
 * owners file under its home, and tight polling. Files are dropped as a copy does; mail is sent and read over SMTP and
 * IMAP as people do. The checks ({@link #count}, {@link #strings}, {@link #execute}, {@link #connection}) have a
 * connection pool of their own, so a test that holds connections never starves the service's, nor its own checks.
 * <p>
 * As a JUnit extension it makes its own temporary home and runs before the class's own {@code @BeforeAll} methods
 * (a static field) or before each test's {@code @BeforeEach} methods (an instance field), its corpus bulletins stored,
 * and stops and removes its home after:
 * {@code @RegisterExtension static final RunningService service = RunningService.withOwners(OWNERS)
 * .with("bulletin.admin-password", PASSWORD).withIngested("seed-000.pdf");}. With {@link #startedByTest()} it is only
 * configured, and each test puts further {@link #properties} and calls {@link #start()} itself.
 */
public final class RunningService implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    public static final Duration PATIENCE = Duration.ofSeconds(60);
    public static final Path CORPUS = Path.of("src/test/resources/corpus");
    /** The intake mailbox of the embedded mail server. */
    public static final String INTAKE = "bulletins@localhost";
    /** Connections for the checks: a lock held by a test and a look at pg_locks beside it, with one to spare. */
    private static final int CHECK_CONNECTIONS = 3;

    /** Three owners: one category, two categories, and one that shares a category with another. */
    public static final String OWNERS = """
            owners:
              - address: pharma@example.com
                categories: [pharma]
              - address: ip-tech@example.com
                categories: [ip, tech]
              - address: tech@example.com
                categories: [tech]
            """;

    /** The service's configuration; tests put further properties before {@link #start()}. */
    public final Map<String, String> properties = new HashMap<>();
    private final String ownersYaml;
    private final Map<String, String> given = new LinkedHashMap<>();
    private final Map<String, Path> copies = new LinkedHashMap<>();
    private final List<String> ingested = new ArrayList<>();
    private boolean startedByTest;
    private boolean perClass;
    private Path home;
    private BulletinService service;
    private HikariDataSource checks;

    /** A service under {@code home}, configured and not started, which the caller starts and stops. */
    public RunningService(Path home, String ownersYaml) throws IOException {
        this.ownersYaml = ownersYaml;
        configure(home);
    }

    private RunningService(String ownersYaml) {
        this.ownersYaml = ownersYaml;
    }

    /** The service as a JUnit extension, with these owners ({@link #OWNERS} or a test's own). */
    public static RunningService withOwners(String ownersYaml) {
        return new RunningService(ownersYaml);
    }

    /** A property over the tests' defaults. */
    public RunningService with(String property, String value) {
        given.put(property, value);
        return this;
    }

    /** The property names a copy of {@code file} in the service's home, which a test may edit. */
    public RunningService withCopy(String property, Path file) {
        copies.put(property, file);
        return this;
    }

    /** Corpus bulletins dropped into the inbox under their own names (all at once) and stored before the tests run. */
    public RunningService withIngested(String... corpusFiles) {
        ingested.addAll(List.of(corpusFiles));
        return this;
    }

    /** Configured before each test, which puts further {@link #properties} and calls {@link #start()} itself. */
    public RunningService startedByTest() {
        startedByTest = true;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        perClass = true;
        setUp();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        tearDown();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            setUp();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (!perClass) {
            tearDown();
        }
    }

    /** What the extension does first, for a runner without JUnit extensions (jqwik's {@code @BeforeContainer}). */
    public void setUp() throws Exception {
        configure(Files.createTempDirectory("running-service"));
        if (startedByTest) {
            return;
        }
        start();
        for (String corpusFile : ingested) {
            drop(corpusFile, corpusFile);
        }
        for (String corpusFile : ingested) {
            awaitDone(corpusFile);
        }
    }

    /** What the extension does last: stops the service and removes its home. */
    public void tearDown() throws IOException {
        try {
            stop();
        } finally {
            if (home != null) {
                Folders.delete(home);
            }
        }
    }

    private void configure(Path home) throws IOException {
        this.home = home;
        Path owners = home.resolve("owners.yaml");
        Files.writeString(owners, ownersYaml);
        properties.put("bulletin.inbox", inbox().toString());
        properties.put("bulletin.data-dir", home.resolve("data").toString());
        properties.put("bulletin.owners-file", owners.toString());
        properties.put("bulletin.inbox.poll-delay", "200");
        properties.put("bulletin.inbox.check-interval", "200");
        properties.put("bulletin.inbox.min-age", "300");
        properties.put("bulletin.inbox.settle-time", "1000");
        properties.put("bulletin.imap.poll-delay", "300");
        properties.put("bulletin.notify.period", "500");
        properties.put("bulletin.db.embedded-port", "0");
        properties.put("bulletin.smtp.port", String.valueOf(freePort()));
        properties.put("bulletin.imap.port", String.valueOf(freePort()));
        properties.put("camel.main.routes-reload-enabled", "false");
        properties.put("bulletin.http.port", String.valueOf(freePort()));
        for (Map.Entry<String, Path> copy : copies.entrySet()) {
            Path file = Files.copy(copy.getValue(), home.resolve(copy.getValue().getFileName()));
            properties.put(copy.getKey(), file.toString());
        }
        properties.putAll(given);
    }

    public void start() {
        service = new BulletinService(properties);
        service.start();
    }

    /** Stops the service if it runs, and closes the checks' connections first. */
    public void stop() {
        try {
            if (checks != null) {
                checks.close();
            }
        } finally {
            checks = null;
            if (service != null) {
                service.stop();
                service = null;
            }
        }
    }

    public CamelContext camelContext() {
        return service.camelContext();
    }

    public <T> T bean(String name, Class<T> type) {
        return service.camelContext().getRegistry().lookupByNameAndType(name, type);
    }

    /** The console's address, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + properties.get("bulletin.http.port");
    }

    /** The folder holding the service's inbox, data folder and owners file. */
    public Path home() {
        return home;
    }

    public Path inbox() {
        return home.resolve("inbox");
    }

    /** Writes a corpus PDF into the inbox under a name, the way a copy does: a temp dot file, then a rename. */
    public void drop(String corpusFile, String name) throws IOException {
        Path partial = inbox().resolve("." + name + ".part");
        Files.copy(CORPUS.resolve(corpusFile), partial);
        Files.move(partial, inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes {@code content} into the inbox under a name, as {@link #drop(String, String)} does. */
    public void drop(byte[] content, String name) throws IOException {
        Path partial = inbox().resolve("." + name + ".part");
        Files.write(partial, content);
        Files.move(partial, inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    public void awaitDone(String name) throws Exception {
        Eventually.within(PATIENCE, name + " in .done", () -> Files.exists(inbox().resolve(".done").resolve(name)));
    }

    /** Long enough for a wrongly repeated ingest or send to show: several poll and notify periods. */
    public static void settle() throws InterruptedException {
        Thread.sleep(2000);
    }

    /** Runs statements on the service's database in one session, e.g. to make it refuse something. */
    public void execute(String... statements) throws Exception {
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    public long count(String sql) throws Exception {
        return Long.parseLong(strings(sql).get(0));
    }

    /** The first column of every row {@code sql} returns, as text. */
    public List<String> strings(String sql) throws Exception {
        return Rows.firstColumn(checks(), sql);
    }

    /** A connection of the test's own to the service's database, e.g. to hold a lock while the service works. */
    public Connection connection() throws SQLException {
        return checks().getConnection();
    }

    /** The checks' pool, to the database the service uses (its address and login read from the ingest pool). */
    private synchronized DataSource checks() throws SQLException {
        if (checks == null) {
            HikariDataSource ingest = bean("database", Database.class).dataSource().unwrap(HikariDataSource.class);
            HikariConfig config = new HikariConfig();
            config.setPoolName("checks");
            config.setJdbcUrl(ingest.getJdbcUrl());
            config.setUsername(ingest.getUsername());
            config.setPassword(ingest.getPassword());
            config.setMaximumPoolSize(CHECK_CONNECTIONS);
            config.setMinimumIdle(0);
            config.setInitializationFailTimeout(-1);
            checks = new HikariDataSource(config);
        }
        return checks;
    }

    /** Mails a message to the intake mailbox through the embedded SMTP server. */
    public void mailIn(MimeMessage message) throws Exception {
        Session session = Session.getInstance(new Properties());
        try (Transport smtp = session.getTransport("smtp")) {
            smtp.connect("127.0.0.1", Integer.parseInt(properties.get("bulletin.smtp.port")), null, null);
            smtp.sendMessage(message, message.getAllRecipients());
        }
    }

    /**
     * Puts a message into the intake INBOX over IMAP exactly as written (lines end in CRLF on the wire), for what no
     * mail program would send: malformed headers, a multipart without boundary.
     */
    public void appendToIntake(String rawMime) throws Exception {
        Session session = Session.getInstance(new Properties());
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", Integer.parseInt(properties.get("bulletin.imap.port")), INTAKE,
                bean("embeddedMail", EmbeddedMail.class).server().password());
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.appendMessages(new Message[] {new MimeMessage(session,
                    new ByteArrayInputStream(rawMime.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)))});
        } finally {
            store.close();
        }
    }

    public void awaitMail(String owner, int digests) throws Exception {
        Eventually.within(PATIENCE, digests + " digest(s) for " + owner, () -> subjects(owner).size() >= digests);
    }

    public List<String> subjects(String owner) throws Exception {
        return readMailbox(owner, "INBOX", Message::getSubject);
    }

    /** The Message-ID of each message. */
    public List<String> messageIds(String owner) throws Exception {
        return readMailbox(owner, "INBOX", message -> message.getHeader("Message-ID")[0]);
    }

    /** Every text part of each message, HTML as text. */
    public List<String> bodies(String owner) throws Exception {
        return readMailbox(owner, "INBOX", MailText::of);
    }

    /** The text/html part of each message, as written. */
    public List<String> htmlBodies(String owner) throws Exception {
        return readMailbox(owner, "INBOX", MailText::html);
    }

    /** The text/plain part of each message. */
    public List<String> plainBodies(String owner) throws Exception {
        return readMailbox(owner, "INBOX", MailText::plain);
    }

    /** The subjects of the messages in a folder of the intake mailbox (INBOX, Processed, Rejected, Failed). */
    public List<String> intakeFolder(String folder) throws Exception {
        return readMailbox(INTAKE, folder, Message::getSubject);
    }

    /** How many messages a folder of the intake mailbox holds, whatever their headers (none when it does not exist). */
    public int intakeCount(String folder) throws Exception {
        return readMailbox(INTAKE, folder, message -> "").size();
    }

    /** Whether the message in the intake INBOX with this subject is still unread. */
    public boolean intakeUnread(String subject) throws Exception {
        return readMailbox(INTAKE, "INBOX", message -> message.getSubject() + "|" + message.isSet(Flags.Flag.SEEN))
                .contains(subject + "|false");
    }

    /** What {@code read} gives of each message in a mailbox folder (none when the folder does not exist), over IMAP. */
    private <T> List<T> readMailbox(String address, String folderName, MailClient.MessageReader<T> read)
            throws Exception {
        return new MailClient("127.0.0.1", Integer.parseInt(properties.get("bulletin.smtp.port")),
                Integer.parseInt(properties.get("bulletin.imap.port")))
                .read(address, bean("embeddedMail", EmbeddedMail.class).server().password(), folderName, read);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
