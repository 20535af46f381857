package com.bulletiningest.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parsed value of an admin-edited file, re-read when the file changes.
 * <p>
 * Every {@link #get()} compares the file's modification time and size with those last read (one {@code stat}, no
 * watcher thread to manage); on a change it parses the file again and swaps the value in. A file that does not parse
 * is logged with its line and reason and the previous value stays in use until the file is fixed.
 */
public final class ReloadingConfig<T> implements Supplier<T> {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadingConfig.class);

    private final Path file;
    private final ConfigParser<T> parser;
    private volatile T value;
    private volatile ConfigException lastError;
    private Stamp loaded;

    /** Reads the file now: a missing or broken file at start is an error, not a silent empty configuration. */
    public ReloadingConfig(Path file, ConfigParser<T> parser) throws ConfigException {
        this.file = Objects.requireNonNull(file, "file");
        this.parser = Objects.requireNonNull(parser, "parser");
        Stamp stamp = stamp();
        if (stamp == null) {
            throw new ConfigException(file.toString(), 0, "file not found");
        }
        this.value = parse();
        this.loaded = stamp;
    }

    /** The current value, re-read first if the file changed since it was last read. */
    @Override
    public T get() {
        reloadIfChanged();
        return value;
    }

    /** Why the latest change of the file was refused, while the previous value is kept; empty once a change loads. */
    public Optional<ConfigException> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Path file() {
        return file;
    }

    private synchronized void reloadIfChanged() {
        Stamp stamp = stamp();
        if (stamp == null) {
            if (lastError == null || lastError.line() != 0) {
                lastError = new ConfigException(file.toString(), 0, "file not found, keeping the previous configuration");
                LOG.warn("{}", lastError.getMessage());
            }
            return;
        }
        if (stamp.equals(loaded)) {
            return;
        }
        loaded = stamp;
        try {
            value = parse();
            lastError = null;
            LOG.info("Reloaded {}", file);
        } catch (ConfigException e) {
            lastError = e;
            LOG.warn("{} (keeping the previous configuration)", e.getMessage());
        }
    }

    private T parse() throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        return parser.parse(file.toString(), text);
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
    }
}
