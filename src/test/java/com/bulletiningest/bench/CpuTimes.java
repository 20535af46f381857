package com.bulletiningest.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM and by the PostgreSQL server processes under one data folder, read from Linux's
 * /proc: on two cores, how a phase's work divides between the service and its database tells which one bounds the
 * throughput. Elsewhere the PostgreSQL figure is -1.
 */
final class CpuTimes {

    /**
     * CPU time in ms at one moment: this JVM's, of which its garbage collector's and JIT compilers' threads (counted
     * only where /proc tells each thread apart, else 0), and the PostgreSQL server's.
     */
    record Sample(long jvmMillis, long gcMillis, long jitMillis, long postgresMillis) {

        Sample since(Sample start) {
            return new Sample(jvmMillis - start.jvmMillis, gcMillis - start.gcMillis, jitMillis - start.jitMillis,
                    postgresMillis < 0 ? -1 : postgresMillis - start.postgresMillis);
        }
    }

    /** Clock ticks per second of /proc/[pid]/stat on Linux (USER_HZ, 100 on every common build). */
    private static final int TICKS_PER_SECOND = 100;

    private final String postgresDataDir;

    /** @param postgresDataDir the data folder the server was started with (its -D argument) */
    CpuTimes(Path postgresDataDir) {
        this.postgresDataDir = postgresDataDir.toString();
    }

    Sample now() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        return new Sample(jvm, jvmThreadsMillis("GC Thread", "G1 "), jvmThreadsMillis("C1 Compiler", "C2 Compiler"),
                postgresMillis());
    }

    /** This JVM's threads whose name (/proc/self/task/[tid]/comm) starts with one of {@code prefixes}. */
    private static long jvmThreadsMillis(String... prefixes) {
        try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
            return threads.filter(thread -> {
                        String name = comm(thread);
                        return Stream.of(prefixes).anyMatch(name::startsWith);
                    })
                    .mapToLong(CpuTimes::ticks)
                    .sum() * 1000 / TICKS_PER_SECOND;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String comm(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** The postmaster's CPU and its live children's (every backend and background process of the server). */
    private long postgresMillis() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return -1;
        }
        long postmaster = postmasterPid();
        if (postmaster < 0) {
            return -1;
        }
        try (Stream<Path> processes = Files.list(proc)) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> p.getFileName().toString().equals(String.valueOf(postmaster))
                            || parentPid(p) == postmaster)
                    .mapToLong(CpuTimes::ticks)
                    .sum() * 1000 / TICKS_PER_SECOND;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The first line of postmaster.pid is the server's pid. */
    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(Path.of(postgresDataDir, "postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime of /proc/[pid]/stat, fields 14 and 15 (after the parenthesised command name). */
    private static long ticks(Path process) {
        String[] fields = statFields(process);
        return fields == null ? 0 : Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long parentPid(Path process) {
        String[] fields = statFields(process);
        return fields == null ? -1 : Long.parseLong(fields[1]);
    }

    /** The fields after the command name: [0] is the state (field 3), [1] the parent pid (field 4) … */
    private static String[] statFields(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
