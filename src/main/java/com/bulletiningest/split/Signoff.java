package com.bulletiningest.split;

import java.time.LocalDate;

/** The department and date that close a section, e.g. 盈科瑞﹒知识产权部 / 2021 年 03 月 12 日. */
public record Signoff(String dept, LocalDate date) {
}
