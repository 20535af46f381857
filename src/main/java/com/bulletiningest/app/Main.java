package com.bulletiningest.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Entry point of {@code bulletin-ingest.jar}: dispatches to a command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        int code;
        if ("preview".equals(command)) {
            code = new PreviewCommand(out, err).run(rest);
        } else {
            err.println("usage: java -jar bulletin-ingest.jar preview [--json] [--categories FILE] FILE.pdf");
            code = PreviewCommand.USAGE;
        }
        System.exit(code);
    }
}
