package com.bulletiningest.split;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import com.bulletiningest.extract.TextLine;

/**
 * A table of notices (序号 · 文件名称 · 发布单位 · 发布日期): which column holds each notice's number, title, issuer
 * and date, from the table's header row; without one, from the cells of each row (a number, a date, the longest text
 * is the title, another text the issuer).
 */
final class NoticeTable {

    private static final Pattern NUMBER_HEADER = Pattern.compile("^(?:序号|编号|序|No\\.?)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_HEADER = Pattern.compile(".*(?:日期|时间).*");
    private static final Pattern ISSUER_HEADER = Pattern.compile(".*(?:单位|机构|部门|发文|机关|来源).*");
    private static final Pattern TITLE_HEADER = Pattern.compile(".*(?:名称|标题|题目|文件).*");
    /** Header cells are names of columns: a few characters. */
    private static final int MAX_HEADER_CHARS = 8;
    private static final Pattern NUMBER_CELL = Pattern.compile("^[（(]?\\s*([0-9０-９]{1,3})\\s*[.、．)）]?$");
    private static final String CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

    private final int number;
    private final int title;
    private final int issuer;
    private final int date;

    private NoticeTable(int number, int title, int issuer, int date) {
        this.number = number;
        this.title = title;
        this.issuer = issuer;
        this.date = date;
    }

    /** A notice: its number and the title, issuer and date its cells give. */
    record Entry(int no, TitleParts parts) {
    }

    /** The columns a header row names, or null when the row is no header (names no title column and another). */
    static NoticeTable header(TextLine row) {
        int number = -1;
        int title = -1;
        int issuer = -1;
        int date = -1;
        List<String> cells = row.cells();
        for (int k = 0; k < cells.size(); k++) {
            String cell = Texts.squeeze(cells.get(k));
            if (cell.length() > MAX_HEADER_CHARS) {
                return null;
            }
            if (number < 0 && NUMBER_HEADER.matcher(cell).matches()) {
                number = k;
            } else if (date < 0 && DATE_HEADER.matcher(cell).matches()) {
                date = k;
            } else if (issuer < 0 && ISSUER_HEADER.matcher(cell).matches()) {
                issuer = k;
            } else if (title < 0 && TITLE_HEADER.matcher(cell).matches()) {
                title = k;
            }
        }
        return title < 0 || number < 0 && issuer < 0 && date < 0 ? null : new NoticeTable(number, title, issuer, date);
    }

    /** The columns of a table without a header, as this row's cells show them. */
    static NoticeTable guess(TextLine row) {
        List<String> cells = row.cells();
        int number = !cells.isEmpty() && number(cells.get(0)) > 0 ? 0 : -1;
        int date = -1;
        int title = -1;
        for (int k = 0; k < cells.size(); k++) {
            if (k != number && date < 0 && Texts.dateLine(cells.get(k)) != null) {
                date = k;
            } else if (k != number && (title < 0 || cells.get(k).length() > cells.get(title).length())) {
                title = k;
            }
        }
        int issuer = -1;
        for (int k = 0; k < cells.size(); k++) {
            if (k != number && k != date && k != title && issuer < 0 && !cells.get(k).isBlank()) {
                issuer = k;
            }
        }
        return new NoticeTable(number, title, issuer, date);
    }

    /**
     * The notice this row lists, numbered by its number cell (or {@code next} when the table has none), or null when
     * the row has no title or its number cell holds no number.
     */
    Entry entry(TextLine row, int next) {
        List<String> cells = row.cells();
        String titleText = cell(cells, title);
        int no = number < 0 ? next : number(cell(cells, number));
        if (titleText.isEmpty() || no <= 0) {
            return null;
        }
        String issuerText = cell(cells, issuer);
        LocalDate when = Texts.dateLine(cell(cells, date));
        return new Entry(no, new TitleParts(titleText, issuerText.isEmpty() ? null : issuerText, when, null, null));
    }

    private static String cell(List<String> cells, int k) {
        return k < 0 || k >= cells.size() ? "" : cells.get(k).strip();
    }

    private static int number(String cell) {
        String text = cell.strip();
        if (text.length() == 1 && CIRCLED.indexOf(text.charAt(0)) >= 0) {
            return CIRCLED.indexOf(text.charAt(0)) + 1;
        }
        var m = NUMBER_CELL.matcher(text);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }
}
