package com.bulletiningest.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.bulletiningest.extract.UnreadableBulletinException;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.BulletinJson;
import com.bulletiningest.split.BulletinReader;
import com.bulletiningest.split.Categories;
import com.bulletiningest.split.Group;
import com.bulletiningest.split.Notice;
import com.bulletiningest.split.Section;

/**
 * {@code preview [--json] [--categories FILE] FILE.pdf}: splits one bulletin and prints its outline (or its JSON),
 * without database or mail. Bad input gives one line on stderr and the reason's exit code.
 * Categories come from {@code --categories}, else {@code config/categories.yaml} when present, else the defaults.
 */
public final class PreviewCommand {

    public static final int OK = 0;
    public static final int USAGE = 1;
    /** The PDF (or the categories file) cannot be read at all. */
    public static final int NO_FILE = 2;

    private static final Path DEFAULT_CATEGORIES = Path.of("config", "categories.yaml");

    private final PrintStream out;
    private final PrintStream err;

    public PreviewCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        boolean json = false;
        Path categoriesFile = null;
        Path pdf = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--categories" -> {
                    if (i + 1 == args.length) {
                        return usage("--categories needs a file");
                    }
                    categoriesFile = Path.of(args[++i]);
                }
                default -> {
                    if (args[i].startsWith("--") || pdf != null) {
                        return usage("unexpected argument " + args[i]);
                    }
                    pdf = Path.of(args[i]);
                }
            }
        }
        if (pdf == null) {
            return usage("no PDF file given");
        }
        Categories categories;
        byte[] bytes;
        try {
            categories = categories(categoriesFile);
            bytes = Files.readAllBytes(pdf);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return NO_FILE;
        } catch (IOException | UncheckedIOException e) {
            err.println(pdf + ": cannot read " + (e instanceof UncheckedIOException u ? u.getMessage() : describe(e)));
            return NO_FILE;
        }
        try {
            Bulletin bulletin = new BulletinReader(categories).read(bytes);
            String name = pdf.getFileName().toString();
            out.println(json ? BulletinJson.write(name, bulletin) : outline(name, bulletin));
            return OK;
        } catch (UnreadableBulletinException e) {
            err.println(pdf + ": " + e.getMessage());
            return e.reason().exitCode;
        }
    }

    private static Categories categories(Path file) {
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new UncheckedIOException("categories file " + file + " (no such file)", new IOException());
            }
            return Categories.load(file);
        }
        return Files.isRegularFile(DEFAULT_CATEGORIES) ? Categories.load(DEFAULT_CATEGORIES) : Categories.defaults();
    }

    static String outline(String name, Bulletin bulletin) {
        StringBuilder text = new StringBuilder();
        text.append(name).append(": ").append(bulletin.pages()).append(" pages, issued ").append(bulletin.issued())
                .append(", ").append(bulletin.sections().size()).append(" sections, ")
                .append(bulletin.notices().size()).append(" notices\n");
        for (Section section : bulletin.sections()) {
            text.append('\n').append(section.heading()).append(" [").append(section.category()).append("] ")
                    .append(section.periodStart()).append(" ~ ").append(section.periodEnd()).append('\n');
            for (Group group : section.groups()) {
                text.append("  ").append(group.label() == null ? "(no group label)" : group.label()).append('\n');
                group.notices().forEach(notice -> notice(text, notice));
            }
            text.append("  sign-off: ").append(section.signoff() == null ? "none"
                    : section.signoff().dept() + " " + section.signoff().date()).append('\n');
        }
        return text.toString().stripTrailing();
    }

    private static void notice(StringBuilder text, Notice notice) {
        text.append("    ").append(notice.no()).append(". ").append(notice.title()).append("  (p.").append(notice.page());
        if (notice.lastPage() != notice.page()) {
            text.append('-').append(notice.lastPage());
        }
        text.append(")\n");
        detail(text, "issuer", notice.issuer());
        detail(text, "date", notice.date() == null ? null : notice.date().toString());
        detail(text, "source", notice.source());
        detail(text, "published", notice.published());
        links(text, "link", notice.links());
        links(text, "body link", notice.bodyLinks());
    }

    private static void detail(StringBuilder text, String label, String value) {
        if (value != null) {
            text.append("       ").append(label).append(": ").append(value).append('\n');
        }
    }

    private static void links(StringBuilder text, String label, List<String> uris) {
        uris.forEach(uri -> detail(text, label, uri));
    }

    private int usage(String problem) {
        err.println(problem + "; usage: preview [--json] [--categories FILE] FILE.pdf");
        return USAGE;
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e instanceof java.nio.file.NoSuchFileException ? "(no such file)" : message.replaceAll("\\s+", " ");
    }
}
