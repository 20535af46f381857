package com.bulletiningest.notify;

import java.util.Collection;
import java.util.Set;

/**
 * A person or team who receives, per bulletin, one digest of the new notices they follow: those of their categories
 * and those carrying one of their tags, whatever the category.
 *
 * @param address    mail address, one owner per address
 * @param name       how to greet them in the digest, or null
 * @param categories category codes (pharma, ip, tech, other) from categories.yaml
 * @param tags       tags followed across categories: rule tags from tags.yaml or keyword tags
 */
public record Owner(String address, String name, Set<String> categories, Set<String> tags) {

    public Owner {
        categories = Set.copyOf(categories);
        tags = Set.copyOf(tags);
    }

    public Owner(String address, String name, Set<String> categories) {
        this(address, name, categories, Set.of());
    }

    public Owner(String address, Set<String> categories) {
        this(address, null, categories);
    }

    /** Whether a notice of {@code category} carrying {@code noticeTags} belongs in this owner's digest. */
    public boolean follows(String category, Collection<String> noticeTags) {
        return categories.contains(category) || noticeTags.stream().anyMatch(tags::contains);
    }
}
