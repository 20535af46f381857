package com.bulletiningest.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.bulletiningest.config.ConfigException;
import com.bulletiningest.config.YamlNode;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * The admin's list of owners, from {@code config/owners.yaml}:
 * <pre>
 * owners:
 *   - address: pharma-team@localhost
 *     name: 医药组
 *     categories: [pharma]
 *   - address: lead@localhost
 *     categories: [pharma, ip, tech]
 *   - address: tianjin-office@localhost
 *     tags: [天津, 专精特新]
 * </pre>
 * An owner needs categories, tags or both. An address listed twice is one owner with the categories and tags of both
 * entries, so nobody gets two digests of a bulletin.
 */
public final class Owners {

    private static final Set<String> KEYS = Set.of("address", "name", "categories", "tags");

    private final List<Owner> owners;

    public Owners(List<Owner> owners) {
        Map<String, Owner> byAddress = new LinkedHashMap<>();
        for (Owner owner : owners) {
            byAddress.merge(owner.address().toLowerCase(), owner, Owners::merge);
        }
        this.owners = List.copyOf(byAddress.values());
    }

    /** Reads the owners file; a missing or broken file names the line and the reason. */
    public static Owners load(Path file) throws ConfigException {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    /** A {@link com.bulletiningest.config.ConfigParser} for the owners file, e.g. for a reloading configuration. */
    public static Owners parse(String source, String text) throws ConfigException {
        Map<String, YamlNode> root = YamlNode.parse(source, text).asMap("the owners file");
        List<Owner> owners = new ArrayList<>();
        YamlNode list = root.get("owners");
        if (list != null && !list.isEmpty()) {
            for (YamlNode entry : list.asList("owners")) {
                owners.add(owner(entry));
            }
        }
        for (Map.Entry<String, YamlNode> key : root.entrySet()) {
            if (!key.getKey().equals("owners")) {
                throw key.getValue().fail("unknown key '" + key.getKey() + "' (expected 'owners:')");
            }
        }
        return new Owners(owners);
    }

    private static Owner owner(YamlNode entry) throws ConfigException {
        Map<String, YamlNode> fields = entry.asMap("an owner");
        for (Map.Entry<String, YamlNode> field : fields.entrySet()) {
            if (!KEYS.contains(field.getKey())) {
                throw field.getValue().fail("unknown owner key '" + field.getKey() + "' (expected address, name, categories, tags)");
            }
        }
        YamlNode address = fields.get("address");
        if (address == null || address.isEmpty()) {
            throw entry.fail("owner without address");
        }
        Set<String> categories = texts(fields.get("categories"), "categories");
        Set<String> tags = texts(fields.get("tags"), "tags");
        if (categories.isEmpty() && tags.isEmpty()) {
            throw entry.fail("owner without categories or tags");
        }
        YamlNode name = fields.get("name");
        return new Owner(address(address), name == null || name.isEmpty() ? null : name.asText("name").strip(),
                categories, tags);
    }

    /** A list (or a single value) of words; empty when the key is absent. */
    private static Set<String> texts(YamlNode node, String key) throws ConfigException {
        return node == null || node.isEmpty() ? Set.of()
                : new LinkedHashSet<>(node.asTextList(key).stream().map(String::strip).toList());
    }

    private static String address(YamlNode node) throws ConfigException {
        String text = node.asText("address").strip();
        try {
            new InternetAddress(text, true).validate();
            return text;
        } catch (AddressException e) {
            throw node.fail("'" + text + "' is not a mail address");
        }
    }

    private static Owner merge(Owner first, Owner second) {
        return new Owner(first.address(), first.name() != null ? first.name() : second.name(),
                union(first.categories(), second.categories()), union(first.tags(), second.tags()));
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> union = new LinkedHashSet<>(first);
        union.addAll(second);
        return union;
    }

    /** One owner per address, in file order. */
    public List<Owner> all() {
        return owners;
    }

    public List<String> addresses() {
        return owners.stream().map(Owner::address).toList();
    }
}
