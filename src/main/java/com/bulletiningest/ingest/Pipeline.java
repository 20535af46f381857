package com.bulletiningest.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import com.bulletiningest.config.ConfigException;
import com.bulletiningest.config.ReloadingConfig;
import com.bulletiningest.enrich.Enricher;
import com.bulletiningest.enrich.FieldExtractor;
import com.bulletiningest.enrich.KeywordExtractor;
import com.bulletiningest.enrich.TagRules;
import com.bulletiningest.extract.OcrSettings;
import com.bulletiningest.extract.PageOcr;
import com.bulletiningest.extract.PdfExtractor;
import com.bulletiningest.extract.UnreadableBulletinException;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.BulletinSplitter;
import com.bulletiningest.split.Categories;

/**
 * The plain-Java steps from a PDF's bytes to enriched notices (extract, split, enrich), built in one place for the
 * service (which times each step) and for the preview command.
 */
public record Pipeline(PdfExtractor extractor, BulletinSplitter splitter, Enricher enricher) {

    /**
     * The one way the service and the preview command build it.
     *
     * @param categories the categories, asked for on every bulletin (the service's reload with the categories file)
     * @param rules      the tag rules, asked for on every bulletin (the service's reload with the tags file)
     * @param keywords   the keyword extractor, or null when keyword tags are switched off
     */
    public static Pipeline of(Supplier<Categories> categories, Supplier<TagRules> rules, KeywordExtractor keywords) {
        return of(categories, rules, keywords, new PageOcr(OcrSettings.DEFAULTS));
    }

    /** As {@link #of(Supplier, Supplier, KeywordExtractor)}, scanned pages read by {@code ocr} (null: not read). */
    public static Pipeline of(Supplier<Categories> categories, Supplier<TagRules> rules, KeywordExtractor keywords, PageOcr ocr) {
        return new Pipeline(new PdfExtractor(ocr), new BulletinSplitter(categories),
                new Enricher(new FieldExtractor(), rules, keywords));
    }

    /**
     * The categories in {@code file}, re-read when it changes (a broken edit keeps the previous ones), or the defaults
     * when there is no such file.
     */
    public static Supplier<Categories> categories(Path file) throws ConfigException {
        if (Files.exists(file)) {
            return new ReloadingConfig<>(file, Categories::parse);
        }
        Categories defaults = Categories.defaults();
        return () -> defaults;
    }

    /** Extracts and splits, untimed (the service's IngestSteps times the two steps apart). */
    public Bulletin read(byte[] pdf) throws UnreadableBulletinException {
        return splitter.split(extractor.extract(pdf));
    }
}
