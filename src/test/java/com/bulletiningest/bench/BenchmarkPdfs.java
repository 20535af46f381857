package com.bulletiningest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.bulletiningest.fixtures.BulletinPdfWriter;
import com.bulletiningest.fixtures.BulletinText;
import com.bulletiningest.fixtures.BulletinText.Line;
import com.bulletiningest.fixtures.BulletinText.Page;
import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.Variants;

/**
 * Distinct bulletin PDFs for the benchmark, as many as asked: the corpus texts and every rewrite the test fixtures
 * make of them (re-wrapped, renumbered, headers and footers, URL lines, sections alone or reversed), each re-dated by
 * a number of years so that no two have the same content. Their notices repeat across re-datings, as a bulletin's
 * notices often repeat those of earlier weeks.
 */
final class BenchmarkPdfs {

    /** A four-digit year printed before a date separator; shifted in steps of 4 years so that 29 February stays valid. */
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(20\\d\\d)(?=\\s*[年\\-./．])");
    private static final int YEARS_PER_SHIFT = 4;

    private final List<BulletinText> shapes = new ArrayList<>();
    private final BulletinPdfWriter writer = new BulletinPdfWriter();
    private final Path cache;

    /** @param cache where PDFs written once are kept for later runs (writing one takes a second on a busy machine) */
    BenchmarkPdfs(Path cache) throws IOException {
        this.cache = Files.createDirectories(cache);
        for (String name : CorpusBulletin.NAMES) {
            CorpusBulletin bulletin = CorpusBulletin.load(name);
            shapes.add(bulletin.text());
            Variants.of(bulletin).forEach(v -> shapes.add(v.text()));
        }
    }

    /** PDFs number {@code from} to {@code from + count - 1} of the endless sequence: each shape, then re-dated again. */
    List<byte[]> pdfs(int from, int count) throws IOException {
        List<byte[]> pdfs = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            Path cached = cache.resolve(i + ".pdf");
            if (!Files.exists(cached)) {
                byte[] pdf = writer.write(redated(shapes.get(i % shapes.size()), i / shapes.size() * YEARS_PER_SHIFT));
                Path partial = Files.write(cache.resolve(i + ".pdf.part"), pdf);
                Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE);
            }
            pdfs.add(Files.readAllBytes(cached));
        }
        return pdfs;
    }

    private static BulletinText redated(BulletinText text, int years) {
        if (years == 0) {
            return text;
        }
        return new BulletinText(text.pages().stream()
                .map(page -> new Page(redated(page.lines(), years), redated(page.bottom(), years)))
                .toList());
    }

    private static List<Line> redated(List<Line> lines, int years) {
        return lines.stream()
                .map(l -> new Line(l.indent(), redated(l.text(), years), l.paragraphEnd(), l.links(), l.mark()))
                .toList();
    }

    /** Same length as before: the link spans over the line stay where they were. */
    private static String redated(String text, int years) {
        Matcher year = YEAR.matcher(text);
        return year.replaceAll(m -> String.valueOf(Integer.parseInt(m.group(1)) + years));
    }
}
