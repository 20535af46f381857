package com.bulletiningest.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A node of an admin-edited YAML file that knows its line, so every complaint about the file can name where it is
 * ("config/tags.yaml line 12: unknown match kind 'fuzy'").
 */
public final class YamlNode {

    private final String source;
    private final Node node;

    private YamlNode(String source, Node node) {
        this.source = source;
        this.node = node;
    }

    /** Parses a YAML document; syntax errors carry the line they were found on. An empty document is an empty map. */
    public static YamlNode parse(String source, String text) throws ConfigException {
        try {
            Node root = new Compose(LoadSettings.builder().setLabel(source).build()).composeString(text).orElse(null);
            if (root == null) {
                return new YamlNode(source, new MappingNode(Tag.MAP, List.of(), FlowStyle.BLOCK));
            }
            return new YamlNode(source, root);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
            throw new ConfigException(source, line, firstLine(e.getProblem()));
        } catch (YamlEngineException e) {
            throw new ConfigException(source, 0, firstLine(e.getMessage()));
        }
    }

    /** The line (from 1) this node starts on. */
    public int line() {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    /** An empty value ({@code key:} with nothing after it, or {@code ~}). */
    public boolean isEmpty() {
        return node instanceof ScalarNode scalar && (scalar.getValue().isEmpty() || scalar.getValue().equals("~")
                || scalar.getValue().equals("null"));
    }

    /** The entries of a mapping, keys as text, in file order; a repeated key is an error. */
    public Map<String, YamlNode> asMap(String what) throws ConfigException {
        if (!(node instanceof MappingNode mapping)) {
            throw fail(what + " must be a mapping (key: value)");
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = new YamlNode(source, tuple.getKeyNode());
            if (entries.put(key.asText("a key"), new YamlNode(source, tuple.getValueNode())) != null) {
                throw key.fail("'" + key.asText("a key") + "' appears twice");
            }
        }
        return entries;
    }

    public List<YamlNode> asList(String what) throws ConfigException {
        if (!(node instanceof SequenceNode sequence)) {
            throw fail(what + " must be a list");
        }
        List<YamlNode> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            items.add(new YamlNode(source, item));
        }
        return items;
    }

    public String asText(String what) throws ConfigException {
        if (!(node instanceof ScalarNode scalar)) {
            throw fail(what + " must be a single value");
        }
        return scalar.getValue();
    }

    /** A single value or a list of values, as a list; blanks are an error. */
    public List<String> asTextList(String what) throws ConfigException {
        List<String> values = new ArrayList<>();
        if (node instanceof SequenceNode) {
            for (YamlNode item : asList(what)) {
                values.add(item.asText("each item of " + what));
            }
        } else {
            values.add(asText(what));
        }
        for (String value : values) {
            if (value.isBlank()) {
                throw fail(what + " must not be blank");
            }
        }
        return values;
    }

    /** An error about this node, naming its line. */
    public ConfigException fail(String reason) {
        return new ConfigException(source, line(), reason);
    }

    private static String firstLine(String message) {
        return message == null ? "not valid YAML" : message.lines().findFirst().orElse(message);
    }
}
