package com.bulletiningest.app.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.bulletiningest.config.ConfigException;
import com.bulletiningest.config.ReloadingConfig;
import com.bulletiningest.enrich.RegexTimeoutException;
import com.bulletiningest.enrich.TagDryRun;
import com.bulletiningest.enrich.TagField;
import com.bulletiningest.enrich.TagMatcher;
import com.bulletiningest.enrich.TagRule;
import com.bulletiningest.enrich.TagRules;
import com.bulletiningest.store.read.NoticeQueries;
import com.bulletiningest.store.read.TaggedNotices;
import org.apache.camel.Exchange;

/**
 * The rules page's API (routes/web.yaml): the tag rules the service has loaded with how many notices carry each tag,
 * and the dry run of an edited rules text against the stored notices (nothing saved).
 */
public final class RulesApi {

    /** The most changes a dry run lists one by one; its totals count them all. */
    static final int LISTED_CHANGES = 2000;
    /** Larger rules texts are refused: tags.yaml is a few KB. */
    static final int MAX_TEXT_BYTES = 1 << 20;

    private final ReloadingConfig<TagRules> rules;
    private final NoticeQueries queries;
    private final TaggedNotices notices;
    private final AdminGuard guard;

    RulesApi(ReloadingConfig<TagRules> rules, NoticeQueries queries, TaggedNotices notices, AdminGuard guard) {
        this.rules = rules;
        this.queries = queries;
        this.notices = notices;
        this.guard = guard;
    }

    /**
     * {@code GET /api/rules}: the rules in force (the file's last version that loaded), each with the number of
     * notices (first prints) carrying its tag; the file's current text, and why it was refused if it does not load.
     */
    public void rules(Exchange exchange) {
        Responses.json(exchange, () -> {
            guard.checkRead(exchange);
            TagRules current = rules.get();
            Map<String, Long> counts = queries.ruleTagCounts();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("file", rules.file().toString());
            answer.put("text", fileText());
            answer.put("error", rules.lastError().map(ConfigException::getMessage).orElse(null));
            answer.put("rules", current.rules().stream().map(rule -> Rule.of(rule, counts)).toList());
            return answer;
        });
    }

    /**
     * {@code POST /api/rules/dry-run} (admin), body: an edited tags.yaml (UTF-8): which notices the edited rules would
     * give a tag they lack or take one they carry. A text that does not load is a 400 with the line and reason.
     */
    public void dryRun(Exchange exchange) {
        Responses.json(exchange, () -> {
            guard.check(exchange);
            TagRules edited;
            try {
                edited = TagRules.parse("the edited rules", body(exchange));
            } catch (ConfigException e) {
                throw new Params.BadRequestException(e.getMessage());
            }
            TagDryRun run = new TagDryRun(edited, LISTED_CHANGES);
            try {
                notices.forEach(notice -> run.compare(notice.id(), notice.title(), notice.text(), notice.ruleTags()));
            } catch (RegexTimeoutException e) {
                throw new Params.BadRequestException(e.getMessage());
            }
            return run.result();
        });
    }

    private String fileText() {
        try {
            return Files.readString(rules.file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // the error says why (file not found, cannot read)
        }
    }

    /** The request body as UTF-8 text, read from its bytes: the platform charset may not be UTF-8. */
    private static String body(Exchange exchange) {
        byte[] bytes = exchange.getMessage().getBody(byte[].class);
        if (bytes == null || bytes.length == 0) {
            throw new Params.BadRequestException("send the rules text (tags.yaml) as the request body");
        }
        if (bytes.length > MAX_TEXT_BYTES) {
            throw new Params.BadRequestException("the rules text is larger than " + MAX_TEXT_BYTES / 1024 + " KB");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Params.BadRequestException("the rules text is not UTF-8");
        }
    }

    /**
     * A rule as tags.yaml states it, with the notices carrying its tag (several rules may give the same tag: they
     * show the same count).
     */
    public record Rule(String tag, String kind, List<String> terms, Double threshold, List<String> in, int line,
                       long notices) {

        static Rule of(TagRule rule, Map<String, Long> counts) {
            TagMatcher matcher = rule.matcher();
            return new Rule(rule.tag(), matcher.kind(), matcher.terms(),
                    matcher instanceof TagMatcher.FuzzyPhrase fuzzy ? fuzzy.threshold() : null,
                    Arrays.stream(TagField.values()).filter(rule.in()::contains).map(TagField::yamlName).toList(),
                    rule.line(), counts.getOrDefault(rule.tag(), 0L));
        }
    }
}
