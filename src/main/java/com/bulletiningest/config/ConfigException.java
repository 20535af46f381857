package com.bulletiningest.config;

/** An admin-edited configuration file that cannot be used: names the file, the line (from 1, 0 when unknown) and why. */
public class ConfigException extends Exception {

    private final String source;
    private final int line;
    private final String reason;

    public ConfigException(String source, int line, String reason) {
        super(source + (line > 0 ? " line " + line : "") + ": " + reason);
        this.source = source;
        this.line = line;
        this.reason = reason;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
