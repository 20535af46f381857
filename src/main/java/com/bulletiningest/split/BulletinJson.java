package com.bulletiningest.split;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A bulletin in the corpus {@code .expected.json} shape: source, issued, pages, sections → groups → notices, with
 * issuer/date/source/published only where printed, plus {@code last_page} and {@code body}.
 */
public final class BulletinJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BulletinJson() {
    }

    public static String write(String source, Bulletin bulletin) {
        try {
            return MAPPER.writeValueAsString(tree(source, bulletin));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write bulletin JSON", e);
        }
    }

    public static ObjectNode tree(String source, Bulletin bulletin) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("source", source);
        root.put("issued", text(bulletin.issued()));
        root.put("pages", bulletin.pages());
        ArrayNode sections = root.putArray("sections");
        for (Section section : bulletin.sections()) {
            ObjectNode s = sections.addObject();
            s.put("category", section.category());
            s.put("heading", section.heading());
            s.putArray("period").add(text(section.periodStart())).add(text(section.periodEnd()));
            if (section.signoff() == null) {
                s.putNull("signoff");
            } else {
                s.putObject("signoff").put("dept", section.signoff().dept()).put("date", text(section.signoff().date()));
            }
            ArrayNode groups = s.putArray("groups");
            for (Group group : section.groups()) {
                ObjectNode g = groups.addObject();
                g.put("label", group.label());
                ArrayNode notices = g.putArray("notices");
                group.notices().forEach(notice -> notice(notices.addObject(), notice));
            }
        }
        return root;
    }

    private static void notice(ObjectNode n, Notice notice) {
        n.put("no", notice.no());
        n.put("title", notice.title());
        putIfPresent(n, "issuer", notice.issuer());
        putIfPresent(n, "date", text(notice.date()));
        putIfPresent(n, "source", notice.source());
        putIfPresent(n, "published", notice.published());
        n.put("page", notice.page());
        n.put("last_page", notice.lastPage());
        strings(n.putArray("links"), notice.links());
        strings(n.putArray("body_links"), notice.bodyLinks());
        n.put("body", notice.body());
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
