package com.bulletiningest.store;

import java.time.LocalDate;

import com.bulletiningest.enrich.NoticeFields;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/** A notice's extracted fields as the JSON stored in {@code notice.fields}; dates as ISO strings. */
final class FieldsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(LocalDate.class, ToStringSerializer.instance));

    private FieldsJson() {
    }

    static String of(NoticeFields fields) {
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write the fields of a notice as JSON", e);
        }
    }
}
