package com.bulletiningest.enrich;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.bulletiningest.enrich.ChineseDates.Mention;

/**
 * Finds deadlines and event dates in a notice body, sentence by sentence.
 * <p>
 * A deadline is a date followed by 前 ({@code 请于 2021 年 3 月 15 日前}, {@code 4月 16日前},
 * {@code 4月 13日下午 17点前}), a date after 截止/截至 ({@code 受理截止日期为 10 月 20日}, {@code 截至 2021 年 4 月 20 日}),
 * or the end of a period named 期限/时限/时间/日期/期间 ({@code 公示期限：2021 年 3 月 12 日～2021 年 3 月 25 日},
 * {@code 申报时间为 2021年 3月 8日至 3月 19日}). An event is any other date in a sentence about a training or meeting,
 * or in the paragraphs under a heading such as {@code 一、培训时间}.
 */
final class DateFinder {

    private static final Pattern BEFORE = Pattern.compile(
            "^\\s*(?:(?:上午|下午|晚上|中午)?\\s*\\d{1,2}\\s*(?:[:：]\\s*\\d{2}|[点时])\\s*(?:\\d{1,2}\\s*分)?\\s*)?[之以]?前");
    private static final Pattern CUTOFF = Pattern.compile("(?:截止|截至)(?:日期|时间)?\\s*(?:为|是|到)?\\s*[：:]?\\s*$");
    private static final Pattern PERIOD = Pattern.compile("(?:期限|时限|时间|日期|期间)\\s*(?:为|是)?\\s*[：:]?\\s*$");
    private static final Pattern RANGE_LINK = Pattern.compile("^\\s*(?:[～~\\-－—–]+|至|到)\\s*$");
    private static final Pattern EVENT = Pattern.compile("培训|会议|讲座|宣讲|论坛|研讨|沙龙|路演|开班|报告会|交流会|推介会|对接会");
    private static final int HEADING_LENGTH = 15;

    private final LocalDate reference;
    private final List<DatedSentence> deadlines = new ArrayList<>();
    private final List<DatedSentence> events = new ArrayList<>();

    private DateFinder(LocalDate reference) {
        this.reference = reference;
    }

    /** @param reference the date that gives years to dates printed without one (the bulletin's issue date) */
    static DateFinder scan(String body, LocalDate reference) {
        DateFinder finder = new DateFinder(reference);
        boolean underEventHeading = false;
        for (String paragraph : TextParts.paragraphs(body)) {
            boolean heading = paragraph.length() <= HEADING_LENGTH && ChineseDates.find(paragraph, reference).isEmpty();
            if (heading) {
                underEventHeading = paragraph.contains("时间") && EVENT.matcher(paragraph).find();
                continue;
            }
            for (String sentence : TextParts.sentences(paragraph)) {
                finder.scanSentence(sentence, underEventHeading);
            }
        }
        return finder;
    }

    List<DatedSentence> deadlines() {
        return List.copyOf(deadlines);
    }

    List<DatedSentence> events() {
        return List.copyOf(events);
    }

    private void scanSentence(String sentence, boolean underEventHeading) {
        List<Mention> mentions = ChineseDates.find(sentence, reference);
        // most sentences hold no date: the event words are looked for only in those that do
        boolean aboutEvent = !mentions.isEmpty() && (underEventHeading || EVENT.matcher(sentence).find());
        for (int i = 0; i < mentions.size(); i++) {
            Mention mention = mentions.get(i);
            String before = sentence.substring(i == 0 ? 0 : mentions.get(i - 1).end(), mention.start());
            String after = sentence.substring(mention.end());
            if (BEFORE.matcher(after).find() || CUTOFF.matcher(before).find()) {
                add(deadlines, mention, sentence);
            } else if (i + 1 < mentions.size() && PERIOD.matcher(before).find()
                    && RANGE_LINK.matcher(sentence.substring(mention.end(), mentions.get(i + 1).start())).matches()) {
                add(deadlines, mentions.get(++i), sentence);
            } else if (aboutEvent) {
                add(events, mention, sentence);
            }
        }
    }

    private static void add(List<DatedSentence> into, Mention mention, String sentence) {
        DatedSentence found = new DatedSentence(mention.date(), TextParts.collapse(sentence));
        if (!into.contains(found)) {
            into.add(found);
        }
    }
}
