package com.bulletiningest.split;

import java.time.LocalDate;
import java.util.List;

/**
 * One numbered notice.
 *
 * @param no        the number printed before the title
 * @param title     the printed heading, wrapped lines joined, without trailing issuer/date, media name or 发布时间/来源
 * @param issuer    issuer printed after the title (科技项目篇), or null
 * @param date      date printed after that issuer, or null
 * @param source    media name printed after the title ({@code IPRlearn}) or 来源, or null
 * @param published 发布时间 on the title line ({@code 2021-02-02 14:38}), or null
 * @param page      page (from 1) of the title's first line
 * @param lastPage  page of the notice's last line
 * @param links     distinct URIs of link annotations over the title lines, in order
 * @param bodyLinks distinct URIs of link annotations over the other lines (and URL text lines), in page order
 * @param body      the body text, lines of a paragraph joined, paragraphs separated by newlines
 */
public record Notice(int no, String title, String issuer, LocalDate date, String source, String published,
                     int page, int lastPage, List<String> links, List<String> bodyLinks, String body) {
}
