package com.bulletiningest.enrich;

import java.time.LocalDate;

import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.Notice;
import com.bulletiningest.split.Section;

/** Pulls the {@link NoticeFields} out of a notice; regular expressions for most fields, HanLP to judge issuers. */
public class FieldExtractor {

    private final IssuerFinder issuers = new IssuerFinder();

    public NoticeFields extract(Notice notice, Section section, Bulletin bulletin) {
        LocalDate reference = referenceDate(section, bulletin);
        String body = notice.body() == null ? "" : notice.body();
        String signoffDept = section.signoff() == null ? null : section.signoff().dept();
        IssuerFinder.Issuer issuer = issuers.find(notice, signoffDept, reference);
        DocumentNumbers numbers = DocumentNumbers.find(notice.title(), body);
        DateFinder dates = DateFinder.scan(body, reference);
        return new NoticeFields(issuer == null ? null : issuer.name(), issuer == null ? null : issuer.date(),
                numbers.own(), numbers.references(), dates.deadlines(), dates.events(), ContactFinder.find(body),
                Attachments.find(body), Amounts.find(body));
    }

    /** Dates printed without a year belong to the bulletin's week. */
    private static LocalDate referenceDate(Section section, Bulletin bulletin) {
        if (section.periodEnd() != null) {
            return section.periodEnd();
        }
        if (bulletin.issued() != null) {
            return bulletin.issued();
        }
        return LocalDate.now();
    }
}
