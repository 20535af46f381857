package com.bulletiningest.intake.folder;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files that could not be read while they were still changing recently (perhaps a writer pausing between chunks),
 * remembered as they were then (size, last modified), so that they are read again only once they change or once
 * they have been unchanged for the settle time. Kept in memory: after a restart such a file is read once more.
 */
public final class UnsettledFiles {

    private record State(long size, long lastModified) {
    }

    private final Duration settleTime;
    private final Map<String, State> waiting = new ConcurrentHashMap<>();

    public UnsettledFiles(Duration settleTime) {
        this.settleTime = settleTime;
    }

    public Duration settleTime() {
        return settleTime;
    }

    /** Whether a file last modified at {@code lastModified} (ms) has been unchanged for the settle time. */
    public boolean settled(long lastModified, long now) {
        return now - lastModified >= settleTime.toMillis();
    }

    /** Remembers that the file could not be read as it is now: it is not read again until it changes or settles. */
    public void remember(String path, long size, long lastModified, long now) {
        waiting.values().removeIf(state -> settled(state.lastModified(), now)); // also those deleted meanwhile
        waiting.put(path, new State(size, lastModified));
    }

    /** Whether the file is as it was when it could not be read, and not yet settled: no use reading it again. */
    public boolean isWaiting(String path, long size, long lastModified, long now) {
        State state = waiting.get(path);
        if (state == null) {
            return false;
        }
        if (state.equals(new State(size, lastModified)) && !settled(lastModified, now)) {
            return true;
        }
        waiting.remove(path, state);
        return false;
    }
}
