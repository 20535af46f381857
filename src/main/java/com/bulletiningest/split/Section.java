package com.bulletiningest.split;

import java.time.LocalDate;
import java.util.List;

/**
 * A section (篇) such as 医药信息篇: its category code from the admin's category map ({@code other} when unknown),
 * the heading as printed without the period, the period as dates, the sign-off when one closes it.
 */
public record Section(String category, String heading, LocalDate periodStart, LocalDate periodEnd,
                      Signoff signoff, List<Group> groups) {
}
