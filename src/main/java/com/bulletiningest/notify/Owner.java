package com.bulletiningest.notify;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A person, team or group who receives, per bulletin, one digest of the new notices they follow: those of their
 * categories and those carrying one of their tags, whatever the category; by mail, on their channels, or both.
 *
 * @param address    mail address (one owner per address), or null for a group reached only on its channels
 * @param name       how to greet them in the digest; required without an address (it then names the owner)
 * @param categories category codes (pharma, ip, tech, other) from categories.yaml
 * @param tags       tags followed across categories: rule tags from tags.yaml or keyword tags
 * @param channels   group robots and web hooks the digest is posted to, besides the mail
 */
public record Owner(String address, String name, Set<String> categories, Set<String> tags, List<Channel> channels) {

    public Owner {
        categories = Set.copyOf(categories);
        tags = Set.copyOf(tags);
        channels = List.copyOf(channels);
    }

    public Owner(String address, String name, Set<String> categories, Set<String> tags) {
        this(address, name, categories, tags, List.of());
    }

    public Owner(String address, String name, Set<String> categories) {
        this(address, name, categories, Set.of());
    }

    public Owner(String address, Set<String> categories) {
        this(address, null, categories);
    }

    /**
     * What identifies the owner across reloads of the owners file (its channel deliveries and calendar token are kept
     * under it): the address in lower case, or the name of an owner without one.
     */
    public String key() {
        return address != null ? address.toLowerCase(Locale.ROOT) : name;
    }

    /** Whether a notice of {@code category} carrying {@code noticeTags} belongs in this owner's digest. */
    public boolean follows(String category, Collection<String> noticeTags) {
        return categories.contains(category) || noticeTags.stream().anyMatch(tags::contains);
    }
}
