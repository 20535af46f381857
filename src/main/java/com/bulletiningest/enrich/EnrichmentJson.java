package com.bulletiningest.enrich;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What enrich found for a notice as JSON, with snake_case names and ISO dates: {@code tags}, {@code keywords} and
 * {@code fields} (issuer, issuer_date, document_number, referenced_numbers, deadlines and events as date + sentence,
 * contacts, attachments, amounts as printed + yuan). Absent values are null, absent lists empty.
 */
public final class EnrichmentJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EnrichmentJson() {
    }

    public static ObjectNode tree(Enrichment enrichment) {
        ObjectNode root = MAPPER.createObjectNode();
        strings(root.putArray("tags"), enrichment.tags());
        strings(root.putArray("keywords"), enrichment.keywords());
        root.set("fields", fields(enrichment.fields()));
        return root;
    }

    public static ObjectNode fields(NoticeFields fields) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("issuer", fields.issuer());
        node.put("issuer_date", text(fields.issuerDate()));
        node.put("document_number", fields.documentNumber());
        strings(node.putArray("referenced_numbers"), fields.referencedNumbers());
        datedSentences(node.putArray("deadlines"), fields.deadlines());
        datedSentences(node.putArray("events"), fields.events());
        ObjectNode contacts = node.putObject("contacts");
        strings(contacts.putArray("persons"), fields.contacts().persons());
        strings(contacts.putArray("phones"), fields.contacts().phones());
        strings(contacts.putArray("emails"), fields.contacts().emails());
        strings(node.putArray("attachments"), fields.attachments());
        ArrayNode amounts = node.putArray("amounts");
        fields.amounts().forEach(a -> amounts.addObject().put("text", a.text()).put("yuan", a.yuan()));
        return node;
    }

    private static void datedSentences(ArrayNode array, List<DatedSentence> dated) {
        dated.forEach(d -> array.addObject().put("date", text(d.date())).put("sentence", d.sentence()));
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
