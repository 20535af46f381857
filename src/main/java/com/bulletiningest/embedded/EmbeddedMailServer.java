package com.bulletiningest.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP and/or IMAP server (GreenMail) for running without a mail server: digests sent to an owner land in that
 * owner's mailbox, and bulletins mailed to the intake address land in the intake mailbox. Only the protocols asked for
 * run ({@link #withSmtp}, {@link #withImap}), so an external server can take the other's port.
 * <p>
 * Every mailbox logs in with its address and the same password, also one added while running; SMTP takes mail only
 * for these mailboxes ({@link GuardedGreenMail}). The mailboxes are kept on disk under the mail folder
 * ({@link MailboxArchive}) and restored at start: an accepted mail survives a restart and a kill -9.
 */
public final class EmbeddedMailServer extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMailServer.class);
    private static final long SAVE_PERIOD_MS = 1000;

    private final String bindAddress;
    private final String password;
    private final Set<String> mailboxes;
    private final Path mailDir;
    private int smtpPort = -1;
    private int imapPort = -1;
    private GreenMail greenMail;
    private MailboxArchive archive;
    private ScheduledExecutorService saver;

    /**
     * @param mailDir where the mailboxes are kept, one folder per address
     */
    public EmbeddedMailServer(String bindAddress, String password, Collection<String> mailboxes, Path mailDir) {
        this.bindAddress = bindAddress;
        this.password = password;
        this.mailboxes = new LinkedHashSet<>(mailboxes);
        this.mailDir = mailDir;
    }

    /** Runs SMTP on this port (0: any free port). */
    public EmbeddedMailServer withSmtp(int port) {
        smtpPort = port;
        return this;
    }

    /** Runs IMAP on this port (0: any free port). */
    public EmbeddedMailServer withImap(int port) {
        imapPort = port;
        return this;
    }

    /**
     * Opens a mailbox for each address that has none yet, e.g. an owner added to owners.yaml while running, so a
     * digest to it is accepted; one it had before comes back from disk.
     */
    public synchronized void addMailboxes(Collection<String> addresses) {
        for (String address : addresses) {
            if (mailboxes.add(address) && isStarted()) {
                open(address);
                LOG.info("Embedded mail server: mailbox {} opened", address);
            }
        }
    }

    @Override
    protected synchronized void doStart() {
        List<ServerSetup> setups = new ArrayList<>();
        if (smtpPort >= 0) {
            setups.add(new ServerSetup(smtpPort, bindAddress, ServerSetup.PROTOCOL_SMTP));
        }
        if (imapPort >= 0) {
            setups.add(new ServerSetup(imapPort, bindAddress, ServerSetup.PROTOCOL_IMAP));
        }
        greenMail = new GuardedGreenMail(setups.toArray(new ServerSetup[0]), this::save);
        archive = new MailboxArchive(mailDir, greenMail.getManagers().getImapHostManager());
        mailboxes.forEach(this::open); // before the servers listen: no sender is refused for a mailbox not open yet
        greenMail.start();
        saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-mail-save");
            thread.setDaemon(true);
            return thread;
        });
        saver.scheduleWithFixedDelay(this::saveChanges, SAVE_PERIOD_MS, SAVE_PERIOD_MS, TimeUnit.MILLISECONDS);
        LOG.info("Embedded mail server: {}; mailboxes {} kept under {} (login = address)", listening(), mailboxes,
                mailDir.toAbsolutePath());
    }

    @Override
    protected synchronized void doStop() throws InterruptedException {
        if (greenMail == null) {
            return;
        }
        saver.shutdownNow();
        saver.awaitTermination(10, TimeUnit.SECONDS);
        greenMail.stop();
        saveChanges(); // the mailboxes stay readable after the servers stopped: keep the last changes
        greenMail = null;
    }

    private void open(String address) {
        try {
            archive.restore(greenMail.setUser(address, address, password));
        } catch (Exception e) {
            throw new IllegalStateException("could not restore the mailbox of " + address + " from " + mailDir + ": "
                    + e.getMessage(), e);
        }
    }

    private void save() {
        try {
            archive.save();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The periodic save: a failure (disk full) is logged and tried again, the server keeps running. */
    private void saveChanges() {
        try {
            save();
        } catch (RuntimeException e) {
            LOG.warn("Embedded mail server: could not save the mailboxes under {}, trying again: {}", mailDir,
                    e.getCause() == null ? e.getMessage() : e.getCause().toString());
        }
    }

    private String listening() {
        List<String> servers = new ArrayList<>();
        if (greenMail.getSmtp() != null) {
            servers.add("SMTP " + bindAddress + ":" + smtpPort());
        }
        if (greenMail.getImap() != null) {
            servers.add("IMAP " + bindAddress + ":" + imapPort());
        }
        return String.join(", ", servers);
    }

    public String host() {
        return bindAddress;
    }

    /** The port SMTP listens on (the actual one when 0 asked for any free port). */
    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    public String password() {
        return password;
    }
}
