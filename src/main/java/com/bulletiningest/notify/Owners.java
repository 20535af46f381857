package com.bulletiningest.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The admin's list of owners, from {@code config/owners.yaml}:
 * <pre>
 * owners:
 *   - address: pharma-team@example.com
 *     categories: [pharma]
 * </pre>
 */
public final class Owners {

    private final List<Owner> owners;

    public Owners(List<Owner> owners) {
        this.owners = List.copyOf(owners);
    }

    public static Owners load(Path file) {
        try {
            Object root = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
            List<Owner> owners = new ArrayList<>();
            if (root instanceof Map<?, ?> map && map.get("owners") instanceof List<?> entries) {
                for (Object entry : entries) {
                    owners.add(owner(file, entry));
                }
            } else if (root != null) {
                throw new IllegalArgumentException(file + ": expected 'owners:' with a list of address and categories");
            }
            return new Owners(owners);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read owners file " + file, e);
        }
    }

    private static Owner owner(Path file, Object entry) {
        if (entry instanceof Map<?, ?> map && map.get("address") instanceof String address
                && map.get("categories") instanceof List<?> categories) {
            Set<String> codes = new LinkedHashSet<>();
            categories.forEach(c -> codes.add(String.valueOf(c).strip()));
            return new Owner(address.strip(), codes);
        }
        throw new IllegalArgumentException(file + ": each owner needs an address and a list of categories, not " + entry);
    }

    public List<Owner> all() {
        return owners;
    }

    public List<String> addresses() {
        return owners.stream().map(Owner::address).distinct().toList();
    }
}
