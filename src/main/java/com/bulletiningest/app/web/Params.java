package com.bulletiningest.app.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.apache.camel.Message;

/** The query and path parameters of a request (Camel puts both in headers), read with clear errors. */
final class Params {

    private final Message message;

    Params(Message message) {
        this.message = message;
    }

    String text(String name) {
        String value = message.getHeader(name, String.class);
        return value == null || value.isBlank() ? null : value.strip();
    }

    LocalDate date(String name) {
        String value = text(name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a date like 2021-03-12, not '" + value + "'");
        }
    }

    Boolean flag(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new BadRequestException(name + " must be true or false, not '" + value + "'");
        }
        return Boolean.valueOf(value);
    }

    int number(String name, int fallback) {
        String value = text(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number, not '" + value + "'");
        }
    }

    long id(String name) {
        String value = text(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new NotFoundException("no " + name.replace("Id", "") + " '" + value + "'");
        }
    }

    <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
        String value = text(name);
        try {
            return value == null ? fallback : Enum.valueOf(type, value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    .toLowerCase(java.util.Locale.ROOT) + ", not '" + value + "'");
        }
    }

    /** A request the client got wrong: 400 with the message. */
    static final class BadRequestException extends RuntimeException {
        BadRequestException(String message) {
            super(message);
        }
    }

    /** A server the request needs cannot be reached now: 503 with the message. */
    static final class UnavailableException extends RuntimeException {
        UnavailableException(String message) {
            super(message);
        }
    }

    /** Nothing under this address: 404 with the message. */
    static final class NotFoundException extends RuntimeException {
        NotFoundException(String message) {
            super(message);
        }
    }
}
