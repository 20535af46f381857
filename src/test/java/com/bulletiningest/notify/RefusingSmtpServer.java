package com.bulletiningest.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.bulletiningest.app.RunningService;

/**
 * A real SMTP server that refuses chosen recipients with a chosen reply and accepts the others: Python's aiosmtpd
 * (Debian {@code python3-aiosmtpd}) running {@code src/test/resources/smtp/refusing_smtp.py} on a free port. GreenMail
 * accepts every recipient, so it cannot play a server that says 550.
 */
final class RefusingSmtpServer implements AutoCloseable {

    private static final String PYTHON = "/usr/bin/python3";
    private static final Path SCRIPT = Path.of("src/test/resources/smtp/refusing_smtp.py");

    private final Process process;
    private final int port;
    private final Path received;

    /**
     * @param refusals recipient address → the reply its RCPT TO gets, e.g. {@code 550 5.1.1 <x>: Recipient address
     *                 rejected}
     * @param received the folder each accepted message is written to
     */
    RefusingSmtpServer(Map<String, String> refusals, Path received) throws IOException {
        this.received = Files.createDirectories(received);
        port = RunningService.freePort();
        List<String> command = new ArrayList<>(List.of(PYTHON, SCRIPT.toString(), String.valueOf(port),
                received.toString()));
        refusals.forEach((address, reply) -> command.add(address + "=" + reply));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = output.readLine();
        if (!"ready".equals(line)) {
            process.destroyForcibly();
            throw new IOException("aiosmtpd did not start (" + PYTHON + " with python3-aiosmtpd needed): " + line);
        }
    }

    int port() {
        return port;
    }

    /** The envelope recipients of each message accepted so far, in arrival order. */
    List<String> recipients() throws IOException {
        try (Stream<Path> files = Files.list(received)) {
            List<String> recipients = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
                recipients.add(first.substring("X-Envelope-To: ".length()));
            }
            return recipients;
        }
    }

    /** Closes its standard input, on which the script ends. */
    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
