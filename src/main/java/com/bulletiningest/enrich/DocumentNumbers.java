package com.bulletiningest.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds document numbers (文号): an issuer code with year and serial ({@code 京知局〔2021〕35 号},
 * {@code 国科发火〔2016〕32 号}) or an announcement number ({@code 2021 年第 21 号}), as printed with runs of spaces
 * made one. The notice's own number is the one in its title or on a line of its own; the rest are references.
 */
final class DocumentNumbers {

    private static final Pattern NUMBER = Pattern.compile(
            "\\p{IsHan}{1,10}\\s*[〔［\\[【]\\s*\\d{4}\\s*[〕］\\]】]\\s*\\d{1,4}\\s*号"
                    + "|\\d{4}\\s*年\\s*第\\s*\\d{1,4}\\s*号");
    /** Verbs a greedy issuer code can swallow from the sentence before it. */
    private static final Pattern LEADING_VERB = Pattern.compile("^(?:根据|按照|依据|依照|参照|落实|执行|贯彻|印发|转发|详见|见)");

    private final String own;
    private final List<String> references;

    private DocumentNumbers(String own, List<String> references) {
        this.own = own;
        this.references = references;
    }

    static DocumentNumbers find(String title, String body) {
        List<String> inTitle = title == null ? List.of() : all(title);
        String own = inTitle.isEmpty() ? null : inTitle.get(0);
        List<String> references = new ArrayList<>();
        for (String paragraph : TextParts.paragraphs(body)) {
            List<String> found = all(paragraph);
            if (own == null && found.size() == 1 && TextParts.withoutSpaces(paragraph).equals(TextParts.withoutSpaces(found.get(0)))) {
                own = found.get(0);
                continue;
            }
            for (String number : found) {
                if (!number.equals(own) && !references.contains(number)) {
                    references.add(number);
                }
            }
        }
        if (own != null) {
            references.remove(own);
        }
        return new DocumentNumbers(own, List.copyOf(references));
    }

    String own() {
        return own;
    }

    List<String> references() {
        return references;
    }

    private static List<String> all(String text) {
        if (text.indexOf('号') < 0) {
            return List.of(); // every number ends in 号: most paragraphs are skipped without the slower pattern
        }
        List<String> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            numbers.add(LEADING_VERB.matcher(TextParts.collapse(m.group())).replaceFirst(""));
        }
        return numbers;
    }
}
