package com.bulletiningest.config;

/** Turns the text of a configuration file into its value, or says which line is wrong and why. */
@FunctionalInterface
public interface ConfigParser<T> {

    /**
     * @param source the file name, for messages
     * @param text   the file's content
     */
    T parse(String source, String text) throws ConfigException;
}
