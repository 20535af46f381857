package com.bulletiningest.notify;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.bulletiningest.config.ConfigException;
import com.bulletiningest.config.YamlNode;
import com.bulletiningest.extract.WebLink;
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
 *   - name: 医药群
 *     categories: [pharma]
 *     channels:
 *       - type: dingtalk
 *         url: https://oapi.dingtalk.com/robot/send?access_token=…
 *         secret-env: PHARMA_DINGTALK_SECRET
 * </pre>
 * An owner needs categories, tags or both, and an address, channels or both; without an address it needs a name.
 * An address (or, without one, a name) listed twice is one owner with the categories, tags and channels of both
 * entries, so nobody gets two digests of a bulletin. A channel's {@code type} is dingtalk, wecom, feishu or webhook,
 * its {@code url} an http(s) address, its optional {@code secret-env} the name of the environment variable that holds
 * the signing secret (the secret itself never goes into the file).
 */
public final class Owners {

    private static final Set<String> KEYS = Set.of("address", "name", "categories", "tags", "channels");
    private static final Set<String> CHANNEL_KEYS = Set.of("type", "url", "secret-env");
    /** What a shell accepts as an environment variable's name. */
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final List<Owner> owners;

    public Owners(List<Owner> owners) {
        Map<String, Owner> byKey = new LinkedHashMap<>();
        for (Owner owner : owners) {
            byKey.merge(owner.key(), owner, Owners::merge);
        }
        this.owners = List.copyOf(byKey.values());
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
                throw field.getValue().fail("unknown owner key '" + field.getKey()
                        + "' (expected address, name, categories, tags, channels)");
            }
        }
        YamlNode address = fields.get("address");
        YamlNode name = fields.get("name");
        List<Channel> channels = channels(fields.get("channels"));
        boolean mailed = address != null && !address.isEmpty();
        boolean named = name != null && !name.isEmpty();
        if (!mailed && channels.isEmpty()) {
            throw entry.fail("owner without address or channels");
        }
        if (!mailed && !named) {
            throw entry.fail("owner without address needs a name");
        }
        Set<String> categories = texts(fields.get("categories"), "categories");
        Set<String> tags = texts(fields.get("tags"), "tags");
        if (categories.isEmpty() && tags.isEmpty()) {
            throw entry.fail("owner without categories or tags");
        }
        return new Owner(mailed ? address(address) : null, named ? name.asText("name").strip() : null,
                categories, tags, channels);
    }

    private static List<Channel> channels(YamlNode node) throws ConfigException {
        List<Channel> channels = new ArrayList<>();
        if (node != null && !node.isEmpty()) {
            for (YamlNode entry : node.asList("channels")) {
                channels.add(channel(entry));
            }
        }
        return channels;
    }

    private static Channel channel(YamlNode entry) throws ConfigException {
        Map<String, YamlNode> fields = entry.asMap("a channel");
        for (Map.Entry<String, YamlNode> field : fields.entrySet()) {
            if (!CHANNEL_KEYS.contains(field.getKey())) {
                throw field.getValue().fail("unknown channel key '" + field.getKey() + "' (expected type, url, secret-env)");
            }
        }
        YamlNode typeNode = fields.get("type");
        if (typeNode == null || typeNode.isEmpty()) {
            throw entry.fail("channel without type (dingtalk, wecom, feishu or webhook)");
        }
        String typeText = typeNode.asText("type");
        ChannelType type = ChannelType.of(typeText).orElseThrow(() -> typeNode.fail("unknown channel type '"
                + typeText.strip() + "' (expected dingtalk, wecom, feishu or webhook)"));
        YamlNode urlNode = fields.get("url");
        if (urlNode == null || urlNode.isEmpty()) {
            throw entry.fail("channel without url");
        }
        String url = urlNode.asText("url").strip();
        if (!webAddress(url)) {
            // the address itself is not repeated: it may carry the robot's key
            throw urlNode.fail("a channel's url must be an http(s) address");
        }
        YamlNode secretNode = fields.get("secret-env");
        String secretEnv = secretNode == null || secretNode.isEmpty() ? null : secretNode.asText("secret-env").strip();
        if (secretEnv != null && !ENV_NAME.matcher(secretEnv).matches()) {
            // never echoed: someone may have pasted the secret itself here
            throw secretNode.fail("secret-env names the environment variable holding the secret (like "
                    + "PHARMA_DINGTALK_SECRET), not the secret itself");
        }
        return new Channel(type, url, secretEnv);
    }

    private static boolean webAddress(String url) {
        try {
            URI uri = new URI(url);
            return WebLink.isWebLink(url) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
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
        List<Channel> channels = new ArrayList<>(first.channels());
        second.channels().stream().filter(c -> !channels.contains(c)).forEach(channels::add);
        return new Owner(first.address(), first.name() != null ? first.name() : second.name(),
                union(first.categories(), second.categories()), union(first.tags(), second.tags()), channels);
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> union = new LinkedHashSet<>(first);
        union.addAll(second);
        return union;
    }

    /** One owner per address (or name, for owners without one), in file order. */
    public List<Owner> all() {
        return owners;
    }

    /** The mail addresses, of the owners that have one. */
    public List<String> addresses() {
        return owners.stream().map(Owner::address).filter(Objects::nonNull).toList();
    }

    /** The owner with this {@link Owner#key()}. */
    public Optional<Owner> byKey(String key) {
        return owners.stream().filter(o -> o.key().equals(key)).findFirst();
    }
}
