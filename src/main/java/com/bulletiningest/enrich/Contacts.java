package com.bulletiningest.enrich;

import java.util.List;

/** Who to ask about a notice: persons named after 联系人, phone numbers (extensions as 转 n) and email addresses. */
public record Contacts(List<String> persons, List<String> phones, List<String> emails) {

    public boolean isEmpty() {
        return persons.isEmpty() && phones.isEmpty() && emails.isEmpty();
    }
}
