package com.bulletiningest.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** Entry point of {@code bulletin-ingest.jar}: dispatches to a command; without one it runs the service. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        if (command.isEmpty() || "run".equals(command)) {
            try {
                new BulletinService(Map.of()).run();
            } catch (Exception e) {
                // the embedded database and mail server would otherwise keep the JVM alive
                err.println("bulletin-ingest could not start: " + reason(e));
                System.exit(1);
            }
            return;
        }
        int code;
        if ("preview".equals(command)) {
            code = new PreviewCommand(out, err).run(rest);
        } else {
            err.println("usage: java -jar bulletin-ingest.jar [run]");
            err.println("       java -jar bulletin-ingest.jar " + PreviewCommand.USAGE_LINE);
            code = PreviewCommand.USAGE;
        }
        System.exit(code);
    }

    /** The innermost message: a bean factory's refusal arrives wrapped (InvocationTargetException, Camel's own). */
    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
