package com.bulletiningest.app.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 requests written byte by byte over a socket, as an attacker's client may send them: any {@code Host}, any
 * header, repeated parameters, and from another loopback source address (127.0.0.2) when a test needs a second client.
 */
final class RawHttp {

    /** A response: status, headers (names in lower case), body as UTF-8. */
    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final int port;
    private final InetAddress source;

    RawHttp(int port) {
        this(port, null);
    }

    /** @param source the local address to connect from, e.g. 127.0.0.2; null for the default */
    RawHttp(int port, InetAddress source) {
        this.port = port;
        this.source = source;
    }

    static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }

    Response get(String target, String... headers) throws IOException {
        return send("GET", target, headers);
    }

    Response post(String target, String... headers) throws IOException {
        return send("POST", target, headers);
    }

    /** POSTs {@code body} as UTF-8 text/plain. */
    Response postText(String target, String body, String... headers) throws IOException {
        return send("POST", target, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** @param headers name, value, name, value …; a "Host" among them replaces the default one */
    Response send(String method, String target, String... headers) throws IOException {
        return send(method, target, new byte[0], headers);
    }

    private Response send(String method, String target, byte[] body, String... headers) throws IOException {
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
        boolean host = false;
        for (int i = 0; i < headers.length; i += 2) {
            host |= headers[i].equalsIgnoreCase("Host");
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        if (!host) {
            request.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        if (method.equals("POST")) {
            request.append("Content-Type: text/plain; charset=UTF-8\r\nContent-Length: ").append(body.length)
                    .append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            if (source != null) {
                socket.bind(new InetSocketAddress(source, 0));
            }
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    private static Response parse(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] head = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        boolean chunked = false;
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            String name = head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = head[i].substring(colon + 1).trim();
            headers.merge(name, value, (a, b) -> a + ", " + b);
            chunked |= name.equals("transfer-encoding") && value.contains("chunked");
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        return new Response(status, headers, new String(chunked ? unchunk(body) : body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = at;
            while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
