package com.bulletiningest.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parsed value of an admin-edited file, re-read when the file changes.
 * <p>
 * Every {@link #get()} compares the file's modification time and size with those last read (one {@code stat}, no
 * watcher thread to manage); on a change it parses the file again and swaps the value in. File systems keep
 * modification times in ticks of a few milliseconds, so while the file is younger than {@link #RACY_WINDOW} its content
 * is compared too: a same-size save within one tick is not missed. A file that does not parse is logged with its line
 * and reason, and the previous value stays in use until the file is fixed.
 */
public final class ReloadingConfig<T> implements Supplier<T> {

    static final Duration RACY_WINDOW = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(ReloadingConfig.class);

    private final Path file;
    private final ConfigParser<T> parser;
    private volatile T value;
    private volatile ConfigException lastError;
    private Stamp loadedStamp;
    private String loadedText;

    /** Reads the file now: a missing or broken file at start is an error, not a silent empty configuration. */
    public ReloadingConfig(Path file, ConfigParser<T> parser) throws ConfigException {
        this.file = Objects.requireNonNull(file, "file");
        this.parser = Objects.requireNonNull(parser, "parser");
        Stamp stamp = stamp();
        if (stamp == null) {
            throw new ConfigException(file.toString(), 0, "file not found");
        }
        String text = read();
        this.value = parser.parse(file.toString(), text);
        this.loadedStamp = stamp;
        this.loadedText = text;
    }

    /** The current value, re-read first if the file changed since it was last read. */
    @Override
    public T get() {
        reloadIfChanged();
        return value;
    }

    /** Why the latest version of the file was refused while the previous value is kept; empty once a version loads. */
    public Optional<ConfigException> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Path file() {
        return file;
    }

    private synchronized void reloadIfChanged() {
        Stamp stamp = stamp();
        if (stamp == null) {
            refuse(new ConfigException(file.toString(), 0, "file not found"));
            return;
        }
        if (stamp.equals(loadedStamp) && !stamp.isRecent()) {
            return;
        }
        String text;
        try {
            text = read();
        } catch (ConfigException e) {
            refuse(e);
            return;
        }
        if (text.equals(loadedText)) {
            loadedStamp = stamp;
            return;
        }
        loadedStamp = stamp;
        loadedText = text;
        try {
            value = parser.parse(file.toString(), text);
            lastError = null;
            LOG.info("Reloaded {}", file);
        } catch (ConfigException e) {
            refuse(e);
        }
    }

    /** Logs a refused version once, not on every access. */
    private void refuse(ConfigException e) {
        if (lastError == null || !lastError.getMessage().equals(e.getMessage())) {
            LOG.warn("{} (keeping the previous configuration)", e.getMessage());
        }
        lastError = e;
    }

    private String read() throws ConfigException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    private Stamp stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime(), attributes.size());
        } catch (IOException e) {
            return null;
        }
    }

    private record Stamp(FileTime modified, long size) {

        boolean isRecent() {
            return modified.toInstant().isAfter(Instant.now().minus(RACY_WINDOW));
        }
    }
}
