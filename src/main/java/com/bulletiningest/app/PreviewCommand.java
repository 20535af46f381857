package com.bulletiningest.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.bulletiningest.config.ConfigException;
import com.bulletiningest.config.ReloadingConfig;
import com.bulletiningest.enrich.Amount;
import com.bulletiningest.enrich.DatedSentence;
import com.bulletiningest.enrich.EnrichedNotice;
import com.bulletiningest.enrich.Enricher;
import com.bulletiningest.enrich.Enrichment;
import com.bulletiningest.enrich.EnrichmentJson;
import com.bulletiningest.enrich.KeywordExtractor;
import com.bulletiningest.enrich.NoticeFields;
import com.bulletiningest.enrich.TagRules;
import com.bulletiningest.extract.ExtractedPdf;
import com.bulletiningest.extract.PageOcr;
import com.bulletiningest.extract.ScannedPage;
import com.bulletiningest.extract.UnreadableBulletinException;
import com.bulletiningest.ingest.Pipeline;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.BulletinJson;
import com.bulletiningest.split.Categories;
import com.bulletiningest.split.Group;
import com.bulletiningest.split.Notice;
import com.bulletiningest.split.Section;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code preview [--json] [--categories FILE] [--tags FILE] [--no-keywords] FILE.pdf}: splits and enriches one
 * bulletin and prints its outline (or its JSON) with each notice's tags, keywords and extracted fields, without
 * database or mail. Bad input gives one line on stderr and the reason's exit code.
 * Categories come from {@code --categories}, else {@code config/categories.yaml} when present, else the defaults; tag
 * rules from {@code --tags}, else {@code config/tags.yaml} when present, else none.
 */
public final class PreviewCommand {

    public static final int OK = 0;
    public static final int USAGE = 1;
    /** The PDF cannot be read at all, or a configuration file (categories, tags) is missing or broken. */
    public static final int NO_FILE = 2;

    private static final Path DEFAULT_CATEGORIES = Path.of("config", "categories.yaml");
    private static final Path DEFAULT_TAGS = Path.of("config", "tags.yaml");
    static final String USAGE_LINE = "preview [--json] [--categories FILE] [--tags FILE] [--no-keywords] FILE.pdf";

    private final PrintStream out;
    private final PrintStream err;

    public PreviewCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        boolean json = false;
        boolean keywords = true;
        Path categoriesFile = null;
        Path tagsFile = null;
        Path pdf = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--no-keywords" -> keywords = false;
                case "--categories", "--tags" -> {
                    if (i + 1 == args.length) {
                        return usage(args[i] + " needs a file");
                    }
                    Path file = Path.of(args[++i]);
                    if (args[i - 1].equals("--tags")) {
                        tagsFile = file;
                    } else {
                        categoriesFile = file;
                    }
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
        Pipeline pipeline;
        byte[] bytes;
        try {
            pipeline = Pipeline.of(categories(categoriesFile), tagRules(tagsFile),
                    keywords ? new KeywordExtractor(Enricher.DEFAULT_KEYWORD_COUNT) : null);
            bytes = Files.readAllBytes(pdf);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return NO_FILE;
        } catch (IOException e) {
            err.println(pdf + ": cannot read " + describe(e));
            return NO_FILE;
        }
        try {
            ExtractedPdf extracted = pipeline.extractor().extract(bytes);
            Bulletin bulletin = pipeline.splitter().split(extracted);
            List<Enrichment> enrichments = pipeline.enricher().enrich(bulletin).stream().map(EnrichedNotice::enrichment).toList();
            String name = pdf.getFileName().toString();
            out.println(json ? json(name, bulletin, enrichments, extracted.scanned())
                    : outline(name, bulletin, enrichments, extracted.scanned()));
            return OK;
        } catch (UnreadableBulletinException e) {
            err.println(pdf + ": " + e.getMessage());
            return e.reason().exitCode;
        }
    }

    /** The categories of the file given, else those of the default one when present, else the defaults. */
    private static Supplier<Categories> categories(Path given) throws ConfigException {
        return given != null ? new ReloadingConfig<>(given, Categories::parse) : Pipeline.categories(DEFAULT_CATEGORIES);
    }

    /** The rules of the tags file given, else of the default one when present, else none. */
    private static Supplier<TagRules> tagRules(Path given) throws ConfigException {
        Path file = given != null ? given : Files.isRegularFile(DEFAULT_TAGS) ? DEFAULT_TAGS : null;
        if (file == null) {
            TagRules none = new TagRules(List.of());
            return () -> none;
        }
        return new ReloadingConfig<>(file, TagRules::parse);
    }

    /** The bulletin JSON with an {@code enrichment} object on every notice. */
    private static String json(String name, Bulletin bulletin, List<Enrichment> enrichments, List<ScannedPage> scanned) {
        ObjectNode tree = BulletinJson.tree(name, bulletin);
        if (!scanned.isEmpty()) {
            var pages = tree.putArray("ocr_pages");
            scanned.forEach(p -> pages.addObject().put("page", p.page()).put("confidence", Math.round(p.confidence() * 1000) / 1000.0)
                    .put("why", p.why()));
        }
        Iterator<Enrichment> next = enrichments.iterator();
        for (JsonNode section : tree.get("sections")) {
            for (JsonNode group : section.get("groups")) {
                for (JsonNode notice : group.get("notices")) {
                    ((ObjectNode) notice).set("enrichment", EnrichmentJson.tree(next.next()));
                }
            }
        }
        return tree.toPrettyString();
    }

    static String outline(String name, Bulletin bulletin, List<Enrichment> enrichments) {
        return outline(name, bulletin, enrichments, List.of());
    }

    static String outline(String name, Bulletin bulletin, List<Enrichment> enrichments, List<ScannedPage> scanned) {
        Iterator<Enrichment> next = enrichments.iterator();
        StringBuilder text = new StringBuilder();
        text.append(name).append(": ").append(bulletin.pages()).append(" pages, issued ").append(bulletin.issued())
                .append(", ").append(bulletin.sections().size()).append(" sections, ")
                .append(bulletin.notices().size()).append(" notices\n");
        if (!scanned.isEmpty()) {
            text.append("read by OCR (").append(PageOcr.engine()).append("): ")
                    .append(scanned.stream().map(p -> "p." + p.page() + String.format(" %.1f %%", 100 * p.confidence()))
                            .collect(java.util.stream.Collectors.joining(", ")))
                    .append(" (").append(scanned.get(0).why()).append(")\n");
        }
        for (Section section : bulletin.sections()) {
            text.append('\n').append(section.heading()).append(" [").append(section.category()).append("] ")
                    .append(section.periodStart()).append(" ~ ").append(section.periodEnd()).append('\n');
            for (Group group : section.groups()) {
                text.append("  ").append(group.label() == null ? "(no group label)" : group.label()).append('\n');
                group.notices().forEach(notice -> notice(text, notice, next.next()));
            }
            text.append("  sign-off: ").append(section.signoff() == null ? "none"
                    : section.signoff().dept() + " " + section.signoff().date()).append('\n');
        }
        return text.toString().stripTrailing();
    }

    private static void notice(StringBuilder text, Notice notice, Enrichment enrichment) {
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
        enrichment(text, enrichment);
    }

    private static void enrichment(StringBuilder text, Enrichment enrichment) {
        NoticeFields fields = enrichment.fields();
        detail(text, "tags", joined(enrichment.tags()));
        detail(text, "keywords", joined(enrichment.keywords()));
        detail(text, "found issuer", fields.issuer() == null ? null
                : fields.issuer() + (fields.issuerDate() == null ? "" : " " + fields.issuerDate()));
        detail(text, "document number", fields.documentNumber());
        fields.deadlines().forEach(d -> detail(text, "deadline", dated(d)));
        fields.events().forEach(d -> detail(text, "event", dated(d)));
        detail(text, "contacts", joined(Stream.of(fields.contacts().persons(),
                fields.contacts().phones(), fields.contacts().emails()).flatMap(List::stream).toList()));
        fields.attachments().forEach(a -> detail(text, "attachment", a));
        detail(text, "amounts", joined(fields.amounts().stream().map(Amount::text).toList()));
    }

    private static String dated(DatedSentence dated) {
        return dated.date() + " (" + dated.sentence() + ")";
    }

    /** The values separated by commas, or null (no line) when there are none. */
    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(", ", values);
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
        err.println(problem + "; usage: " + USAGE_LINE);
        return USAGE;
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e instanceof java.nio.file.NoSuchFileException ? "(no such file)" : message.replaceAll("\\s+", " ");
    }
}
