package com.bulletiningest.notify;

import java.util.List;
import java.util.Optional;

import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.Group;
import com.bulletiningest.split.Notice;
import com.bulletiningest.split.Section;

/** Writes an owner's digest of a bulletin: the notices of the owner's categories, in print order, as plain text. */
public final class DigestComposer {

    /** The digest, or empty when the bulletin has no notice in the owner's categories. */
    public Optional<Digest> compose(Owner owner, long bulletinId, Bulletin bulletin) {
        StringBuilder body = new StringBuilder();
        int count = 0;
        for (Section section : bulletin.sections()) {
            if (!owner.categories().contains(section.category())) {
                continue;
            }
            body.append(section.heading()).append(period(section)).append("\n\n");
            for (Group group : section.groups()) {
                body.append("【").append(group.label()).append("】\n");
                for (Notice notice : group.notices()) {
                    appendNotice(body, notice);
                    count++;
                }
                body.append('\n');
            }
        }
        if (count == 0) {
            return Optional.empty();
        }
        String subject = "政策周报 " + (bulletin.issued() == null ? "#" + bulletinId : bulletin.issued()) + "：" + count + " 条通知";
        body.append("-- \nbulletin-ingest, bulletin #").append(bulletinId).append('\n');
        return Optional.of(new Digest(owner.address(), subject, body.toString(), count));
    }

    private static String period(Section section) {
        return section.periodStart() == null ? "" : "（" + section.periodStart() + " ~ " + section.periodEnd() + "）";
    }

    private static void appendNotice(StringBuilder body, Notice notice) {
        body.append(notice.no()).append(". ").append(notice.title()).append('\n');
        StringBuilder meta = new StringBuilder();
        append(meta, notice.issuer());
        append(meta, notice.date() == null ? null : notice.date().toString());
        append(meta, notice.source());
        append(meta, notice.published());
        if (!meta.isEmpty()) {
            body.append("   ").append(meta).append('\n');
        }
        links(body, notice.links());
        body.append("   (p. ").append(notice.page()).append(")\n");
    }

    private static void append(StringBuilder meta, String value) {
        if (value != null && !value.isBlank()) {
            meta.append(meta.isEmpty() ? "" : " · ").append(value);
        }
    }

    private static void links(StringBuilder body, List<String> links) {
        links.forEach(link -> body.append("   ").append(link).append('\n'));
    }
}
