package com.bulletiningest.app;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.bulletiningest.extract.UnreadableBulletinException;
import com.bulletiningest.fixtures.EmbeddedDatabase;
import com.bulletiningest.store.db.DatabaseUnavailableException;
import com.bulletiningest.store.intake.FileClaims;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * routes/inbox-folder.yaml alone, with the beans of the service's {@link FolderIntakeConfiguration}: how files move
 * through the inbox folder. Ingestion itself is a small stand-in
 * route here that accepts PDF bytes and refuses anything else the way the real one does (end to end:
 * {@link BulletinServiceTest}).
 */
@DisplayName("inbox folder route")
class InboxFolderRouteTest {

    private static final byte[] PDF = "%PDF-1.7 a bulletin".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path inbox;

    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();
    private CamelContext context;
    private final List<Map<String, Object>> ingested = new CopyOnWriteArrayList<>();
    private final List<Integer> ingestedBytes = new CopyOnWriteArrayList<>();
    private final AtomicReference<RuntimeException> storeFailure = new AtomicReference<>();
    private final AtomicInteger failedTries = new AtomicInteger();

    @BeforeEach
    void startRoute() throws Exception {
        context = new DefaultCamelContext();
        context.getPropertiesComponent().setLocation(BulletinService.PROPERTIES_LOCATION);
        Properties properties = new Properties();
        properties.put("bulletin.inbox", inbox.toString());
        properties.put("bulletin.data-dir", inbox.resolveSibling(inbox.getFileName() + "-data").toString());
        properties.put("bulletin.inbox.poll-delay", "100");
        properties.put("bulletin.inbox.check-interval", "100");
        properties.put("bulletin.inbox.min-age", "200");
        properties.put("bulletin.inbox.settle-time", "1000");
        properties.put("bulletin.ingest.threads", "2");
        context.getPropertiesComponent().setOverrideProperties(properties);
        // the folder's beans as the service makes them: its configuration, run the way Camel Main runs it
        context.getRegistry().bind("database", DATABASE.database());
        FolderIntakeConfiguration folder = new FolderIntakeConfiguration();
        PluginHelper.getBeanPostProcessor(context).postProcessBeforeInitialization(folder, "folder intake");
        folder.configure(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("direct:ingest").process(exchange -> {
                    byte[] body = exchange.getMessage().getBody(byte[].class);
                    if (!new String(body, StandardCharsets.ISO_8859_1).startsWith("%PDF-")) {
                        throw new UnreadableBulletinException(UnreadableBulletinException.Reason.NOT_PDF,
                                "not a PDF: the file starts with '" + new String(body, 0, 5, StandardCharsets.ISO_8859_1) + "'");
                    }
                    if (storeFailure.get() != null) {
                        failedTries.incrementAndGet();
                        throw storeFailure.get();
                    }
                    ingested.add(Map.copyOf(exchange.getMessage().getHeaders()));
                    ingestedBytes.add(body.length);
                });
            }
        });
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "file:routes/inbox-folder.yaml"));
        context.start();
    }

    @AfterEach
    void stopRoute() {
        context.stop();
    }

    @Test
    @DisplayName("a file whose bytes are a PDF is ingested whatever its name, then moved to .done")
    void pdfBytesAreIngestedWhateverTheName() throws Exception {
        Files.write(inbox.resolve("scan-0042.bin"), PDF);

        Eventually.within(Duration.ofSeconds(10), "scan-0042.bin in .done", () -> Files.exists(inbox.resolve(".done/scan-0042.bin")));
        assertThat(ingested).singleElement().satisfies(headers -> {
            assertThat(headers).containsEntry("bulletinSourceKind", "folder");
            assertThat(headers).containsEntry("bulletinOriginalName", "inbox/scan-0042.bin");
        });
        assertThat(inbox.resolve("scan-0042.bin")).doesNotExist();
    }

    @Test
    @DisplayName("a file another instance has claimed is left alone, poll after poll, and its claim stays with that instance")
    void fileClaimedByAnotherInstanceIsLeftAlone() throws Exception {
        FileClaims otherInstance = new FileClaims(DATABASE.dataSource(), Duration.ofMinutes(10), "other instance");
        Path held = inbox.resolve("held.pdf");
        Files.write(held, PDF);
        assertThat(otherInstance.claim(held.toAbsolutePath().toString())).isTrue();

        Files.write(inbox.resolve("free.pdf"), PDF);
        Eventually.within(Duration.ofSeconds(10), "free.pdf in .done", () -> Files.exists(inbox.resolve(".done/free.pdf")));
        Thread.sleep(1000); // ten more polls, each listing held.pdf and skipping it

        assertThat(held).exists();
        assertThat(ingested).singleElement()
                .satisfies(headers -> assertThat(headers).containsEntry("bulletinOriginalName", "inbox/free.pdf"));
        assertThat(otherInstance.claim(held.toAbsolutePath().toString())).as("claimed again: the claim was given up").isFalse();
        otherInstance.release(held.toAbsolutePath().toString());
        Eventually.within(Duration.ofSeconds(10), "held.pdf in .done once released", () -> Files.exists(inbox.resolve(".done/held.pdf")));
    }

    @Test
    @DisplayName("a refused file moves to .failed with a one-line reason beside it, and the next file still goes through")
    void refusedFileMovesToFailedWithReason() throws Exception {
        Files.writeString(inbox.resolve("notes.pdf"), "just some text");

        Path reason = inbox.resolve(".failed/notes.pdf.reason.txt");
        Eventually.within(Duration.ofSeconds(10), "notes.pdf and its reason in .failed", () -> Files.exists(reason) && Files.exists(inbox.resolve(".failed/notes.pdf")));
        assertThat(Files.readString(reason)).isEqualToIgnoringNewLines("not a PDF: the file starts with 'just '");
        assertThat(ingested).isEmpty();

        Files.write(inbox.resolve("next.pdf"), PDF);
        Eventually.within(Duration.ofSeconds(10), "next.pdf in .done", () -> Files.exists(inbox.resolve(".done/next.pdf")));
        assertThat(ingested).hasSize(1);
    }

    @Test
    @DisplayName("while the database cannot be reached a file stays in the inbox, set aside nowhere; once it is back the file is ingested")
    void fileStaysInTheInboxWhileTheDatabaseIsUnreachable() throws Exception {
        storeFailure.set(new DatabaseUnavailableException("cannot look up bulletin by hash",
                new SQLTransientConnectionException("bulletins - Connection is not available", "08001")));
        Files.write(inbox.resolve("monday.pdf"), PDF);
        Thread.sleep(1500); // several polls, each failing

        assertThat(inbox.resolve("monday.pdf")).exists();
        assertThat(inbox.resolve(".failed")).doesNotExist();
        assertThat(ingested).isEmpty();

        storeFailure.set(null);
        Eventually.within(Duration.ofSeconds(10), "monday.pdf in .done", () -> Files.exists(inbox.resolve(".done/monday.pdf")));
        assertThat(ingested).hasSize(1);
    }

    @Test
    @DisplayName("any other failure is tried 3 times (bulletin.max-attempts), then the file is set aside in .failed with the error as the reason")
    void unexpectedFailureIsTriedThreeTimesThenMovesToFailed() throws Exception {
        storeFailure.set(new IllegalStateException("notice 3 has no title"));
        Files.write(inbox.resolve("odd.pdf"), PDF);

        Path reason = inbox.resolve(".failed/odd.pdf.reason.txt");
        Eventually.within(Duration.ofSeconds(10), "odd.pdf and its reason in .failed", () -> Files.exists(reason) && Files.exists(inbox.resolve(".failed/odd.pdf")));
        assertThat(Files.readString(reason)).startsWith("could not process the file in 3 attempts (java.lang.IllegalStateException: notice 3 has no title)");
        assertThat(inbox.resolve("odd.pdf")).doesNotExist();
        Thread.sleep(500); // several polls: nothing is tried any more
        assertThat(failedTries).hasValue(3);
    }

    @Test
    @DisplayName("a file still being written is taken only once complete")
    void fileIsTakenOnlyOnceCompletelyWritten() throws Exception {
        Path file = inbox.resolve("slow-scanner.pdf");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(PDF);
            for (int chunk = 0; chunk < 20; chunk++) { // 1 s of writing, in steps shorter than the check interval
                out.write(new byte[1000]);
                out.flush();
                Thread.sleep(50);
            }
        }

        Eventually.within(Duration.ofSeconds(10), "slow-scanner.pdf in .done", () -> Files.exists(inbox.resolve(".done/slow-scanner.pdf")));
        assertThat(ingestedBytes).containsExactly(PDF.length + 20_000);
    }

    @Test
    @DisplayName("dot files, files in dot folders and files still named *.part or *.tmp (being written) are left alone")
    void dotFilesFoldersAndTemporaryNamesAreIgnored() throws Exception {
        Files.createDirectories(inbox.resolve(".drafts"));
        Files.write(inbox.resolve(".drafts/draft.pdf"), PDF);
        Files.write(inbox.resolve(".partial.pdf"), PDF);
        Files.write(inbox.resolve("upload.pdf.part"), PDF);
        Files.write(inbox.resolve("scan.TMP"), PDF);
        Files.write(inbox.resolve("real.pdf"), PDF);

        Eventually.within(Duration.ofSeconds(10), "real.pdf in .done", () -> Files.exists(inbox.resolve(".done/real.pdf")));
        Thread.sleep(500);
        assertThat(ingested).hasSize(1);
        assertThat(inbox.resolve(".drafts/draft.pdf")).exists();
        assertThat(inbox.resolve(".partial.pdf")).exists();
        assertThat(inbox.resolve("upload.pdf.part")).exists();
        assertThat(inbox.resolve("scan.TMP")).exists();
    }
}
