package com.bulletiningest.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** The peak heap of a benchmark phase, from the JVM's memory pools. */
final class HeapPeaks {

    private HeapPeaks() {
    }

    /** Collects garbage and starts a new phase. */
    static void reset() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the last reset, in MB: an upper bound of the heap in use at any one moment. */
    static long megabytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
    }
}
