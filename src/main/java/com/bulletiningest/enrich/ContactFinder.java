package com.bulletiningest.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds contacts: email addresses anywhere; phone numbers with an area code ({@code 022-23768809转 6011}) or mobile
 * numbers anywhere, bare 7–8 digit numbers only in sentences about phones or contacts; persons named after
 * {@code 联系人：} (2–4 Han characters, departments before them dropped, {@code 李  坦} read as 李坦).
 */
final class ContactFinder {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final String EXTENSION = "(?:\\s*转\\s*\\d{1,5})?";
    private static final Pattern DISTINCT_PHONE = Pattern.compile(
            "(?<![\\w./=-])(?:0\\d{2,3}-\\d{7,8}|1[3-9]\\d{9})" + EXTENSION + "(?![\\w-])");
    private static final Pattern LOCAL_PHONE = Pattern.compile(
            "(?<![\\w./=-])(?:0\\d{2,3}-?\\d{7,8}|1[3-9]\\d{9}|\\d{7,8})" + EXTENSION + "(?![\\w-])");
    /** Every phone number above has this many digits in a row. */
    private static final int MIN_PHONE_DIGITS = 7;
    private static final Pattern ABOUT_PHONES = Pattern.compile("电话|联系|咨询|热线|传真|手机|(?i:tel)");
    private static final Pattern CONTACT_PERSONS = Pattern.compile(
            "联系人(?:及电话|及联系方式)?\\s*[：:]\\s*(.*?)(?=[；;。）)]|联系电话|电话|联系方式|邮箱|传真|$)");
    /** A line going on with the contact list of the line before: {@code 市财政局经济建设一处 路培；联系电话：23303765）}. */
    private static final Pattern CONTINUED_PERSON = Pattern.compile("^(.*?)[；;，,]?\\s*(?:联系电话|电话)\\s*[：:]");
    private static final Pattern CLOSED = Pattern.compile("[。）)]\\s*$");
    private static final Pattern SPACED_NAME = Pattern.compile("(?<!\\p{IsHan})(\\p{IsHan})[ \\u3000]+(\\p{IsHan})(?!\\p{IsHan})");
    private static final Pattern NAME = Pattern.compile("\\p{IsHan}{2,4}");
    private static final Pattern DEPARTMENT_END = Pattern.compile("[处局委部室科厅院所会组办司]$|中心$");

    private ContactFinder() {
    }

    static Contacts find(String body) {
        List<String> persons = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        boolean listContinues = false;
        for (String paragraph : TextParts.paragraphs(body)) {
            if (paragraph.indexOf('@') >= 0) {
                collect(EMAIL.matcher(paragraph), emails);
            }
            if (TextParts.hasDigits(paragraph, MIN_PHONE_DIGITS)) {
                boolean aboutPhones = ABOUT_PHONES.matcher(paragraph).find();
                collect((aboutPhones ? LOCAL_PHONE : DISTINCT_PHONE).matcher(paragraph), phones);
            }
            Matcher named = CONTACT_PERSONS.matcher(paragraph);
            boolean namesPersons = false;
            while (named.find()) {
                persons(named.group(1), persons);
                namesPersons = true;
            }
            if (!namesPersons && listContinues) {
                Matcher continued = CONTINUED_PERSON.matcher(paragraph);
                if (continued.find()) {
                    persons(continued.group(1), persons);
                }
            }
            listContinues = (namesPersons || listContinues) && !CLOSED.matcher(paragraph).find();
        }
        return new Contacts(List.copyOf(persons), List.copyOf(phones), List.copyOf(emails));
    }

    private static void persons(String text, List<String> persons) {
        String names = LOCAL_PHONE.matcher(EMAIL.matcher(text).replaceAll(" ")).replaceAll(" ");
        names = SPACED_NAME.matcher(names).replaceAll("$1$2");
        for (String token : names.split("[\\s\\u3000，,、/]+")) {
            if (NAME.matcher(token).matches() && !DEPARTMENT_END.matcher(token).find() && !persons.contains(token)) {
                persons.add(token);
            }
        }
    }

    private static void collect(Matcher m, List<String> into) {
        while (m.find()) {
            String value = TextParts.withoutSpaces(m.group());
            if (!into.contains(value)) {
                into.add(value);
            }
        }
    }
}
