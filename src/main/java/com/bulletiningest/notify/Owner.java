package com.bulletiningest.notify;

import java.util.Set;

/**
 * A person or team who receives, per bulletin, one digest of the new notices in their categories.
 *
 * @param address    mail address, one owner per address
 * @param name       how to greet them in the digest, or null
 * @param categories category codes (pharma, ip, tech, other) from categories.yaml
 */
public record Owner(String address, String name, Set<String> categories) {

    public Owner {
        categories = Set.copyOf(categories);
    }

    public Owner(String address, Set<String> categories) {
        this(address, null, categories);
    }
}
