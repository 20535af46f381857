package com.bulletiningest.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import com.bulletiningest.embedded.EmbeddedMailServer;

/**
 * The embedded mail server alone in a JVM of its own, for tests that kill it:
 * {@code MailServerProcess <mail dir> <smtp port> <imap port> <password> <mailbox>...}. Runs until killed.
 */
public final class MailServerProcess {

    private MailServerProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        new EmbeddedMailServer("127.0.0.1", args[3], Arrays.asList(args).subList(4, args.length), Path.of(args[0]))
                .withSmtp(Integer.parseInt(args[1]))
                .withImap(Integer.parseInt(args[2]))
                .start();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Starts it in a new JVM on the test class path; its output goes to {@code log}. */
    static Process start(Path mailDir, int smtpPort, int imapPort, String password, String mailbox, Path log)
            throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MailServerProcess.class.getName(),
                mailDir.toString(), String.valueOf(smtpPort), String.valueOf(imapPort), password, mailbox)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }
}
