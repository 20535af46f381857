package com.bulletiningest.intake.folder;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import com.bulletiningest.extract.UnreadableBulletinException;
import com.bulletiningest.ingest.Headers;
import com.bulletiningest.intake.EscapedText;
import com.bulletiningest.store.db.ContentHash;
import com.bulletiningest.store.db.DatabaseUnavailableException;
import com.bulletiningest.store.intake.IntakeAttempts;
import com.bulletiningest.store.intake.IntakeAttempts.Kind;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.component.file.FileConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of routes/inbox-folder.yaml that need more than a line of YAML: the file's name as it may be logged and
 * stored, what to do with a file whose ingest failed, and setting a file aside with its reason.
 */
public final class FolderIntake {

    private static final Logger LOG = LoggerFactory.getLogger(FolderIntake.class);

    /** The folder beside the inbox's files where those set aside go. */
    public static final String FAILED = ".failed";
    /** The folder beside the inbox's files where those ingested go. */
    public static final String DONE = ".done";

    /** What happens to a file whose ingest failed (other than because the database could not be reached). */
    public enum Verdict {
        /** it cannot be read, but it changed less than the settle time ago: stays in the inbox, read once it changes or settles */
        UNSETTLED,
        /** it cannot be read and has settled: set aside at once, it will never get better */
        REFUSED,
        /** any other failure, fewer than the maximum attempts so far: stays in the inbox for the next poll */
        RETRY,
        /** any other failure, the last attempt allowed: set aside */
        GIVE_UP
    }

    private final UnsettledFiles unsettled;
    private final IntakeAttempts attempts;
    private final int maxAttempts;

    public FolderIntake(UnsettledFiles unsettled, IntakeAttempts attempts, int maxAttempts) {
        this.unsettled = unsettled;
        this.attempts = attempts;
        this.maxAttempts = maxAttempts;
    }

    /** {@code inbox/<name>} with control characters escaped: for the log and {@code bulletin.original_name}. */
    public String displayName(@Header(Exchange.FILE_NAME) String fileName) {
        return "inbox/" + EscapedText.of(fileName);
    }

    /**
     * Judges a failed file, once per exchange (the route's {@code handled} predicate, evaluated before the error
     * steps run): sets the exchange properties {@code inboxVerdict} and {@code inboxReason}.
     *
     * @return whether the file is set aside (the failure is handled) rather than left in the inbox (rolled back)
     */
    public boolean judge(Exchange exchange) throws IOException {
        if (exchange.getProperty(Headers.INBOX_VERDICT) == null) {
            exchange.setProperty(Headers.INBOX_VERDICT, verdict(exchange).name());
        }
        String verdict = exchange.getProperty(Headers.INBOX_VERDICT, String.class);
        return verdict.equals(Verdict.REFUSED.name()) || verdict.equals(Verdict.GIVE_UP.name());
    }

    private Verdict verdict(Exchange exchange) throws IOException {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Path file = file(exchange);
        if (failure instanceof UnreadableBulletinException) {
            setReason(exchange, failure.getMessage());
            BasicFileAttributes now = attributes(file);
            long time = System.currentTimeMillis();
            if (now != null && !unsettled.settled(now.lastModifiedTime().toMillis(), time)) {
                unsettled.remember(file.toString(), now.size(), now.lastModifiedTime().toMillis(), time);
                return Verdict.UNSETTLED;
            }
            return Verdict.REFUSED;
        }
        String key = attemptKey(exchange);
        int attempt;
        try {
            attempt = attempts.failed(Kind.FILE, key, failure.toString());
        } catch (DatabaseUnavailableException e) { // it went away meanwhile: this try does not count
            setReason(exchange, "attempt not counted (" + e.getMessage() + "): " + failure);
            return Verdict.RETRY;
        }
        if (attempt < maxAttempts) {
            setReason(exchange, "attempt " + attempt + " of " + maxAttempts + " failed: " + failure);
            return Verdict.RETRY;
        }
        attempts.forget(Kind.FILE, key); // moved back into the inbox by hand, it gets all its attempts again
        setReason(exchange, "could not process the file in " + attempt + " attempts (" + failure
                + "); move it back into the inbox to retry");
        return Verdict.GIVE_UP;
    }

    /** An error message may quote the file's path: escaped like a name, it stays one line in the log. */
    private static void setReason(Exchange exchange, String reason) {
        exchange.setProperty(Headers.INBOX_REASON, EscapedText.of(reason));
    }

    /** Forgets earlier failed attempts at a file that went through. */
    public void succeeded(Exchange exchange) {
        attempts.forget(Kind.FILE, attemptKey(exchange));
    }

    /**
     * Keeps the move to {@code .done} (Camel's, when the exchange completes) from going through a link: a file or link
     * found at {@code .done/<name>} is replaced by the move, never written through, but a {@code .done} that is a link
     * would take the file anywhere and replace what has its name there. Then the file is set aside in {@code .failed}
     * instead, with the reason: the admin sees it, and moving it back once {@code .done} is a folder again is safe (it
     * is a duplicate then).
     */
    public void checkDone(Exchange exchange) throws IOException {
        Path done = file(exchange).resolveSibling(DONE);
        if (!Files.exists(done, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectory(done);
            } catch (FileAlreadyExistsException madeMeanwhile) {
                // by another instance: checked below like any other
            }
        }
        if (!Files.isDirectory(done, LinkOption.NOFOLLOW_LINKS)) {
            Object bulletin = exchange.getMessage().getHeader(Headers.BULLETIN_ID);
            String outcome = Headers.DUPLICATE.equals(exchange.getMessage().getHeader(Headers.OUTCOME))
                    ? "a duplicate of bulletin #" + bulletin : "stored as bulletin #" + bulletin;
            setReason(exchange, outcome + ", but inbox/" + DONE + " is a link or no folder: nothing is moved through"
                    + " it; make it a folder and move this file back into the inbox");
            LOG.warn("{}: {}", exchange.getMessage().getHeader(Headers.INBOX_NAME),
                    exchange.getProperty(Headers.INBOX_REASON));
            setAside(exchange);
        }
    }

    /** The content's SHA-256 once ingest computed it; before that (the file could not be read) its path's. */
    private static String attemptKey(Exchange exchange) {
        String sha256 = exchange.getMessage().getHeader(Headers.SHA256, String.class);
        return sha256 != null ? sha256 : ContentHash.sha256("path:" + file(exchange));
    }

    /**
     * Writes the reason (property {@code inboxReason}) beside the file in .failed; the file follows when the exchange
     * completes.
     */
    public void setAside(Exchange exchange) throws IOException {
        Path file = file(exchange);
        ReasonFile.write(file.resolveSibling(FAILED), file.getFileName().toString(),
                exchange.getProperty(Headers.INBOX_REASON, String.class));
        exchange.setProperty(Headers.INBOX_DESTINATION, FAILED);
    }

    private static Path file(Exchange exchange) {
        return Path.of(exchange.getMessage().getHeader(FileConstants.FILE_ABSOLUTE_PATH, String.class));
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            return null;
        }
    }
}
