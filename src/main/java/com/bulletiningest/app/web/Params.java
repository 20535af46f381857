package com.bulletiningest.app.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.netty.handler.codec.http.QueryStringDecoder;
import org.apache.camel.Exchange;

/**
 * The parameters of a request, read with clear errors: query parameters only from the request's query string (a
 * header or form field of the same name is no parameter), each at most once; path parameters from the route (Camel
 * puts only those in the message's headers: routes/web.yaml filters every request header out, see
 * {@link RequestHeaderFilter}). Every value is checked: no NUL, a bounded length, numbers within their range, dates
 * as {@code yyyy-MM-dd} within PostgreSQL's.
 */
final class Params {

    /** The longest text a parameter may hold (a query, a tag, an issuer …). */
    static final int MAX_TEXT = 500;
    /** The most parameters a query string may carry. */
    private static final int MAX_PARAMETERS = 64;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final Exchange exchange;
    private final Map<String, List<String>> query;

    Params(Exchange exchange) {
        this.exchange = exchange;
        this.query = query(HttpRequests.of(exchange).query());
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> parameters;
        try {
            parameters = new QueryStringDecoder(raw == null ? "" : raw, StandardCharsets.UTF_8, false,
                    MAX_PARAMETERS + 1, true).parameters();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("the query string is not well encoded (" + e.getMessage() + ")");
        }
        if (parameters.size() > MAX_PARAMETERS) {
            throw new BadRequestException("more than " + MAX_PARAMETERS + " parameters");
        }
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getValue().size() > 1) {
                throw new BadRequestException("parameter " + shown(parameter.getKey()) + " is given "
                        + parameter.getValue().size() + " times; give it once");
            }
        }
        return parameters;
    }

    /** A query parameter's text, stripped; null when absent or blank. */
    String text(String name) {
        List<String> values = query.get(name);
        return checked(name, values == null ? null : values.get(0));
    }

    /** A path parameter of the route ({@code /notices/{id}}). */
    String path(String name) {
        return checked(name, exchange.getIn().getHeader(name, String.class));
    }

    private static String checked(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            throw new BadRequestException(name + " must not contain NUL");
        }
        if (value.length() > MAX_TEXT) {
            throw new BadRequestException(name + " is longer than " + MAX_TEXT + " characters");
        }
        return value.strip();
    }

    /** A day as {@code yyyy-MM-dd}, years 0001 to 9999 (PostgreSQL's dates reach further). */
    LocalDate date(String name) {
        String value = text(name);
        try {
            LocalDate day = value == null ? null : LocalDate.parse(value, DAY);
            if (day != null && (day.getYear() < 1 || day.getYear() > 9999)) {
                throw new DateTimeParseException("not within years 1 to 9999", value, 0);
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a date like 2021-03-12, not '" + shown(value) + "'");
        }
    }

    Boolean flag(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new BadRequestException(name + " must be true or false, not '" + shown(value) + "'");
        }
        return Boolean.valueOf(value);
    }

    /** A whole number from {@code min} to {@code max}, {@code fallback} when absent. */
    int number(String name, int fallback, int min, int max) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number, not '" + shown(value) + "'");
        }
        if (number < min || number > max) {
            throw new BadRequestException(name + " must be from " + min + " to " + max + ", not " + value);
        }
        return (int) number;
    }

    /** The id in the path; anything but a number names nothing here (404). */
    long id(String name) {
        String value = path(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new NotFoundException("no " + name.replace("Id", "") + " '" + shown(value) + "'");
        }
    }

    <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
        String value = text(name);
        try {
            return value == null ? fallback : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name + " must be one of " + Arrays.toString(type.getEnumConstants())
                    .toLowerCase(Locale.ROOT) + ", not '" + shown(value) + "'");
        }
    }

    /** A value as an error message may quote it: short, control characters escaped. */
    private static String shown(String value) {
        String cut = value == null ? "" : value.length() > 60 ? value.substring(0, 60) + "…" : value;
        StringBuilder shown = new StringBuilder();
        cut.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
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
