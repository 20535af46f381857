package com.bulletiningest.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import com.bulletiningest.app.RunningService;
import com.bulletiningest.extract.PdfExtractor;
import com.bulletiningest.fixtures.DovecotServer;
import com.bulletiningest.ingest.StepTimes;
import com.bulletiningest.ingest.StepTimes.Step;
import com.bulletiningest.ingest.StepTimes.Total;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The end-to-end benchmark: the whole service on embedded PostgreSQL and mail with the default configuration of
 * config/application.properties (keywords on), fed with distinct bulletins. Prints, in one run:
 * <ol>
 * <li>the floor: bare PDFBox {@code PDFTextStripper} over the same PDFs, warm, in this JVM; and the service's
 * extraction alone ({@code PdfExtractor}) the same way, with the ratio of its CPU time to the floor's, which the load
 * of a shared machine disturbs less than wall time;</li>
 * <li>folder intake: N PDFs moved into the inbox at once, from the move to the last commit, and the ratio to the
 * floor; then N more the same way, once the JIT compilers have compiled the service's code (a service that has run
 * a while);</li>
 * <li>mail intake: N mails of one PDF each delivered to the intake mailbox, to the last commit, and the ratio to the
 * warm folder batch of the same run: on Dovecot when it is installed (Debian {@code dovecot-imapd}; delivered by IMAP
 * APPEND over one connection, as a delivery agent does), else on the embedded GreenMail (sent over SMTP); the run prints
 * which;</li>
 * <li>pick-up latency: single freshly written files (written beside the inbox, then moved in) dropped one at a time
 * into the idle service, drop to commit, p50/p95/max; then single mails the same way, delivery to commit (IMAP IDLE,
 * the default 30 s poll behind it);</li>
 * <li>the service's own step times (StepTimes) per bulletin, the CPU the service's JVM (its garbage collector and JIT
 * compilers apart) and PostgreSQL used per bulletin, and the peak heap of each phase;</li>
 * </ol>
 * and the service's first start (initdb) and a later start on the same data folder. Not a test: it prints figures.
 * <p>
 * Run: {@code ./mvnw -q -Pbenchmark test-compile exec:exec} ({@code -Dbenchmark.args="<N> <drops>"},
 * {@code -Dbenchmark.jvm="-Xmx256m ..."}).
 */
public final class ServiceBenchmark {

    private static final int BULLETINS = 108;
    private static final int DROPS = 15;

    private final Path home;
    private final RunningService service;
    /** The intake mailbox's server when Dovecot is installed, else null (the embedded GreenMail). */
    private final DovecotServer dovecot;

    private ServiceBenchmark(Path home) throws Exception {
        this.home = home;
        this.service = new RunningService(home, RunningService.OWNERS);
        // the defaults of config/application.properties (IMAP IDLE, a poll every 30 s behind it), not the tests' tight
        // polling
        for (String tight : List.of("bulletin.inbox.poll-delay", "bulletin.inbox.check-interval",
                "bulletin.inbox.min-age", "bulletin.notify.period", "bulletin.imap.poll-delay")) {
            service.properties.remove(tight);
        }
        dovecot = DovecotServer.installed() ? new DovecotServer(RunningService.INTAKE) : null;
        if (dovecot != null) {
            service.properties.put("bulletin.imap.host", "127.0.0.1");
            service.properties.put("bulletin.imap.port", String.valueOf(dovecot.imapPort()));
            service.properties.put("bulletin.imap.user", RunningService.INTAKE);
            service.properties.put("bulletin.imap.password", DovecotServer.PASSWORD);
        }
    }

    public static void main(String[] args) throws Exception {
        int bulletins = args.length > 0 ? Integer.parseInt(args[0]) : BULLETINS;
        int drops = args.length > 1 ? Integer.parseInt(args[1]) : DROPS;
        Path home = Files.createTempDirectory("bulletin-benchmark");
        ServiceBenchmark benchmark = null;
        try {
            benchmark = new ServiceBenchmark(home);
            benchmark.run(bulletins, drops);
        } finally {
            if (benchmark != null && benchmark.dovecot != null) {
                benchmark.dovecot.close();
            }
            deleteTree(home);
        }
        System.exit(0);
    }

    private void run(int n, int drops) throws Exception {
        System.out.printf("machine: %d cores, %s, max heap %d MB; load before: %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                        + Runtime.version(), Runtime.getRuntime().maxMemory() >> 20, load());
        long t = System.nanoTime();
        BenchmarkPdfs source = new BenchmarkPdfs(Path.of("target/benchmark-pdfs"));
        List<byte[]> folderSet = source.pdfs(0, n);
        List<byte[]> mailSet = source.pdfs(n, n);
        List<byte[]> dropSet = source.pdfs(2 * n, drops);
        List<byte[]> warmSet = source.pdfs(2 * n + drops, n);
        List<byte[]> mailDropSet = source.pdfs(3 * n + drops, drops);
        System.out.printf("%d + %d + %d + %d distinct bulletin PDFs written or read from target/benchmark-pdfs in %.1f s (%d KB per PDF on average)%n", n, n,
                drops, n, (System.nanoTime() - t) / 1e9, folderSet.stream().mapToLong(p -> p.length).sum() / n / 1024);

        Pass floorPass = warmPass(folderSet, pdf -> {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                return new PDFTextStripper().getText(document).length();
            }
        });
        double floor = floorPass.millis();
        System.out.printf("%n1. floor: bare PDFTextStripper, warm: %.1f ms per bulletin (load %s)%n", floor, load());
        PdfExtractor extractor = new PdfExtractor();
        Pass extractPass = warmPass(folderSet, pdf -> extractor.extract(pdf).lines().size());
        System.out.printf("   extraction alone (PdfExtractor), warm: %.1f ms per bulletin, CPU time %.2f x the floor's (load %s)%n",
                extractPass.millis(), extractPass.cpuMillis() / floorPass.cpuMillis(), load());

        Path side = Files.createDirectories(home.resolve("side"));
        double firstStart = timedStart();
        StepTimes times = service.bean("stepTimes", StepTimes.class);
        CpuTimes cpu = new CpuTimes(home.resolve("data/postgres"));

        folderBatch(folderSet, "folder", floor, side, times, cpu);
        double warmFolder = folderBatch(warmSet, "warm", floor, side, times, cpu);

        String server = dovecot != null
                ? "Dovecot " + DovecotServer.version() + " (IMAP on 127.0.0.1:" + dovecot.imapPort()
                        + ", the mails delivered by IMAP APPEND over one connection)"
                : "the embedded GreenMail (Dovecot not installed; the mails sent over SMTP)";
        System.out.printf("%nmail server of the intake mailbox: %s%n", server);
        MimeMessage[] mails = new MimeMessage[n];
        for (int i = 0; i < n; i++) {
            mails[i] = mail(mailSet.get(i), String.format("mail-%03d.pdf", i));
        }
        resetPeakHeap();
        times.reset();
        CpuTimes.Sample cpuBefore = cpu.now();
        long sent = System.nanoTime();
        deliver(mails);
        long sentAll = System.nanoTime();
        long[] commits = awaitBulletins(0, n, "mail");
        double mailMillis = (commits[1] - sent) / 1e6 / n;
        System.out.printf("%n3. mail intake, %d mails of one bulletin each (delivered in %.1f s; IMAP IDLE, poll every "
                        + "30 s behind it): %.1f s from the first delivery to the last commit, %.1f ms per bulletin "
                        + "(load %s)%n", n, (sentAll - sent) / 1e9, (commits[1] - sent) / 1e9, mailMillis, load());
        System.out.printf("   mail vs folder in this run: %.1f ms per mailed bulletin, %.1f ms per dropped one (the warm "
                + "folder batch): %.2f x, mail on %s%n", mailMillis, warmFolder, mailMillis / warmFolder, server);
        printSteps(times, "mail");
        printCpu(cpu.now().since(cpuBefore), n, "mail");
        printPeakHeap("mail");

        awaitOutboxEmpty();
        resetPeakHeap();
        long[] latencies = dropOneAtATime(dropSet, side);
        Arrays.sort(latencies);
        System.out.printf("%n4. drop-to-commit latency of %d single fresh files, idle service: p50 %d ms, p95 %d ms, "
                        + "max %d ms (load %s)%n", latencies.length, percentile(latencies, 50),
                percentile(latencies, 95), latencies[latencies.length - 1], load());
        printPeakHeap("drops");

        awaitOutboxEmpty();
        long[] mailLatencies = mailOneAtATime(mailDropSet);
        Arrays.sort(mailLatencies);
        System.out.printf("%n4b. delivery-to-commit latency of %d single mails, idle service (IMAP IDLE): p50 %d ms, "
                        + "p95 %d ms, max %d ms (load %s)%n", mailLatencies.length, percentile(mailLatencies, 50),
                percentile(mailLatencies, 95), mailLatencies[mailLatencies.length - 1], load());

        service.stop();
        double laterStart = timedStart();
        service.stop();
        System.out.printf("%ncold start on embedded defaults: first start (initdb) %.1f s, later start %.1f s%n",
                firstStart, laterStart);
    }

    /**
     * Moves the PDFs into the inbox at once (written beside it first) and prints the time from the move to the last
     * commit and the ratio to the floor, the step times, the CPU used and the peak heap. The first batch ("folder") meets a
     * service just started, whose code the JIT compilers are still compiling; the second ("warm") one that has
     * ingested a batch already.
     */
    /** @return ms per bulletin */
    private double folderBatch(List<byte[]> pdfs, String batch, double floor, Path side, StepTimes times, CpuTimes cpu)
            throws Exception {
        int n = pdfs.size();
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            written.add(Files.write(side.resolve(String.format("%s-%03d.pdf", batch, i)), pdfs.get(i)));
        }
        long before = service.count("select count(*) from bulletin where source_kind = 'folder'");
        resetPeakHeap();
        times.reset();
        CpuTimes.Sample cpuBefore = cpu.now();
        long moved = System.nanoTime();
        for (Path file : written) {
            Files.move(file, service.inbox().resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
        long[] commits = awaitBulletins(before, n, "folder");
        double millisPerBulletin = (commits[1] - moved) / 1e6 / n;
        System.out.printf("%n2%s. folder intake, %d bulletins moved in at once%s: %.1f s from the move to the last "
                        + "commit, %.1f ms per bulletin (first commit after %.0f ms), ratio to the floor %.2f (load %s)%n",
                before == 0 ? "" : "b", n, before == 0 ? ", service just started" : ", again (compiled code warm)",
                (commits[1] - moved) / 1e9, millisPerBulletin, (commits[0] - moved) / 1e6, floor / millisPerBulletin,
                load());
        printSteps(times, batch);
        printCpu(cpu.now().since(cpuBefore), n, batch);
        printPeakHeap(batch);
        return millisPerBulletin;
    }

    private double timedStart() {
        long start = System.nanoTime();
        service.start();
        return (System.nanoTime() - start) / 1e9;
    }

    /** A reading of every PDF: a count of what it read, so that none is left out. */
    private interface Reading {
        int read(byte[] pdf) throws Exception;
    }

    /** Wall and CPU ms per PDF of a warm pass on this thread. */
    private record Pass(double millis, double cpuMillis) {
    }

    /** The second of two passes of the reading over the PDFs, the first one warming up. */
    private static Pass warmPass(List<byte[]> pdfs, Reading reading) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long read = 0;
        for (int pass = 0; pass < 2; pass++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (byte[] pdf : pdfs) {
                read += reading.read(pdf);
            }
            if (pass == 1 && read > 0) {
                return new Pass((System.nanoTime() - start) / 1e6 / pdfs.size(),
                        (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / pdfs.size());
            }
        }
        throw new IllegalStateException("no text in the benchmark PDFs");
    }

    /**
     * Waits until {@code n} more bulletins of this source kind than {@code before} are stored; the times of the first
     * and the last commit.
     */
    private long[] awaitBulletins(long before, int n, String kind) throws Exception {
        long first = 0;
        // generous: on a machine shared with other builds a bulletin has taken 10 s
        long deadline = System.nanoTime() + (120 + 30L * n) * 1_000_000_000L;
        String sql = "select count(*) from bulletin where source_kind = '" + kind + "'";
        while (true) {
            long count = service.count(sql) - before;
            long now = System.nanoTime();
            if (count > 0 && first == 0) {
                first = now;
            }
            if (count >= n) {
                return new long[] {first, now};
            }
            if (now > deadline) {
                throw new IllegalStateException("only " + count + " of " + n + " " + kind + " bulletins stored");
            }
            Thread.sleep(10);
        }
    }

    /**
     * Each file written beside the inbox and moved in at once, then waited for; a random pause (up to two default
     * polls) between drops so that they meet the poll at different moments.
     */
    private long[] dropOneAtATime(List<byte[]> pdfs, Path side) throws Exception {
        Random random = new Random(15);
        long[] latencies = new long[pdfs.size()];
        for (int i = 0; i < pdfs.size(); i++) {
            Thread.sleep(500 + random.nextInt(4000));
            String name = String.format("drop-%03d.pdf", i);
            Path written = Files.write(side.resolve(name), pdfs.get(i));
            long moved = System.nanoTime();
            Files.move(written, service.inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
            String sql = "select count(*) from bulletin where original_name = 'inbox/" + name + "'";
            while (service.count(sql) == 0) {
                if (System.nanoTime() - moved > 60_000_000_000L) {
                    throw new IllegalStateException(name + " not stored within 60 s");
                }
                Thread.sleep(5);
            }
            latencies[i] = (System.nanoTime() - moved) / 1_000_000;
        }
        return latencies;
    }

    /** Each mail delivered to the intake mailbox and waited for, with random pauses as {@link #dropOneAtATime}. */
    private long[] mailOneAtATime(List<byte[]> pdfs) throws Exception {
        Random random = new Random(16);
        long[] latencies = new long[pdfs.size()];
        for (int i = 0; i < pdfs.size(); i++) {
            Thread.sleep(500 + random.nextInt(4000));
            String name = String.format("single-mail-%03d.pdf", i);
            MimeMessage message = mail(pdfs.get(i), name);
            long delivered = System.nanoTime();
            deliver(message);
            String sql = "select count(*) from bulletin where original_name = '" + name + "'";
            while (service.count(sql) == 0) {
                if (System.nanoTime() - delivered > 60_000_000_000L) {
                    throw new IllegalStateException(name + " not stored within 60 s");
                }
                Thread.sleep(5);
            }
            latencies[i] = (System.nanoTime() - delivered) / 1_000_000;
        }
        return latencies;
    }

    /** Into the intake mailbox: on Dovecot over one IMAP connection, on GreenMail one SMTP message each. */
    private void deliver(MimeMessage... messages) throws Exception {
        if (dovecot != null) {
            dovecot.deliver(RunningService.INTAKE, messages);
        } else {
            for (MimeMessage message : messages) {
                service.mailIn(message);
            }
        }
    }

    /** So that sending digests does not overlap the latency measurement. */
    private void awaitOutboxEmpty() throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (service.count("select count(*) from outbox where sent_at is null") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private static MimeMessage mail(byte[] pdf, String name) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()));
        message.setFrom(new InternetAddress("sender@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(RunningService.INTAKE));
        message.setSubject("bulletin " + name);
        MimeBodyPart text = new MimeBodyPart();
        text.setText("bulletin attached", "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        attachment.setFileName(name);
        message.setContent(new MimeMultipart(text, attachment));
        message.saveChanges();
        return message;
    }

    private static void printSteps(StepTimes times, String phase) {
        Map<Step, Total> totals = times.totals();
        long bulletins = totals.containsKey(Step.STORE) ? totals.get(Step.STORE).runs() : 0;
        if (bulletins == 0) {
            return;
        }
        double keywords = millis(totals, Step.KEYWORDS);
        double[] split = {millis(totals, Step.EXTRACT), millis(totals, Step.SPLIT),
                millis(totals, Step.ENRICH) - keywords, keywords, millis(totals, Step.STORE)};
        String[] names = {"extract", "split", "enrich rules", "keywords", "store incl. digests"};
        double sum = Arrays.stream(split).sum();
        System.out.printf("   steps (%s, service's StepTimes, ms per bulletin over %d): %s%n", phase, bulletins,
                java.util.stream.IntStream.range(0, names.length)
                        .mapToObj(i -> String.format("%s %.1f (%.0f%%)", names[i], split[i] / bulletins,
                                100 * split[i] / sum))
                        .collect(Collectors.joining(", ")));
    }

    /** What bounds the throughput on this machine: the CPU the service and its database used per bulletin. */
    private static void printCpu(CpuTimes.Sample used, int bulletins, String phase) {
        System.out.printf("   CPU per bulletin (%s): service JVM %.1f ms (garbage collector %.1f, JIT compilers %.1f), "
                        + "PostgreSQL %s; on %d cores at best %.1f ms per bulletin%n", phase,
                (double) used.jvmMillis() / bulletins, (double) used.gcMillis() / bulletins,
                (double) used.jitMillis() / bulletins,
                used.postgresMillis() < 0 ? "n/a" : String.format("%.1f ms", (double) used.postgresMillis() / bulletins),
                Runtime.getRuntime().availableProcessors(),
                (double) (used.jvmMillis() + Math.max(0, used.postgresMillis())) / bulletins
                        / Runtime.getRuntime().availableProcessors());
    }

    private static double millis(Map<Step, Total> totals, Step step) {
        return totals.containsKey(step) ? totals.get(step).millis() : 0;
    }

    private static void resetPeakHeap() {
        HeapPeaks.reset();
    }

    private static void printPeakHeap(String phase) {
        System.out.printf("   peak heap (%s): %d MB%n", phase, HeapPeaks.megabytes());
    }

    private static String load() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static void deleteTree(Path root) throws Exception {
        try (var paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }
}
