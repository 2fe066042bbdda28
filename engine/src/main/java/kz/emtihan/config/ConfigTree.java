package kz.emtihan.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed YAML file read by dotted key paths ({@code http.port}). Every read names the key in its
 * error, and {@link #unread()} lists keys nobody asked for, so a misspelt key stops start-up too.
 */
final class ConfigTree {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final String file;
    private final JsonNode root;
    private final Set<String> read = new TreeSet<>();

    private ConfigTree(String file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    static ConfigTree parse(String file, String yaml) {
        try {
            JsonNode root = YAML.readTree(yaml);
            if (root == null || !root.isObject()) throw new ConfigException(file, "is empty or not a mapping");
            return new ConfigTree(file, root);
        } catch (IOException e) {
            throw new ConfigException(
                    file,
                    "is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    String file() {
        return file;
    }

    JsonNode node(String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            if (n != null && n.isArray() && part.matches("\\d+")) n = n.get(Integer.parseInt(part));
            else n = n == null ? null : n.get(part);
        }
        return n;
    }

    boolean has(String path) {
        JsonNode n = node(path);
        return n != null && !n.isNull();
    }

    private JsonNode required(String path) {
        JsonNode n = node(path);
        if (n == null || n.isNull()) throw new ConfigException(path, "is missing in " + file);
        if (n.isValueNode()) read.add(path);
        return n;
    }

    String string(String path) {
        JsonNode n = required(path);
        if (!n.isValueNode()) throw new ConfigException(path, "must be a single value");
        return n.asText();
    }

    int integer(String path, int min, int max) {
        JsonNode n = required(path);
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw new ConfigException(path, "must be a whole number, was '" + n.asText() + "'");
        }
        int v = n.asInt();
        if (v < min || v > max) throw new ConfigException(path, "must be " + min + ".." + max + ", was " + v);
        return v;
    }

    long longInteger(String path, long min, long max) {
        JsonNode n = required(path);
        if (!n.canConvertToLong() || !n.isIntegralNumber()) {
            throw new ConfigException(path, "must be a whole number, was '" + n.asText() + "'");
        }
        long v = n.asLong();
        if (v < min || v > max) throw new ConfigException(path, "must be " + min + ".." + max + ", was " + v);
        return v;
    }

    double decimal(String path, double min, double max) {
        JsonNode n = required(path);
        if (!n.isNumber()) throw new ConfigException(path, "must be a number, was '" + n.asText() + "'");
        double v = n.asDouble();
        if (v < min || v > max) throw new ConfigException(path, "must be " + min + ".." + max + ", was " + v);
        return v;
    }

    boolean bool(String path) {
        JsonNode n = required(path);
        if (!n.isBoolean()) throw new ConfigException(path, "must be true or false, was '" + n.asText() + "'");
        return n.asBoolean();
    }

    String oneOf(String path, List<String> allowed) {
        String v = string(path);
        if (!allowed.contains(v)) throw new ConfigException(path, "must be one of " + allowed + ", was '" + v + "'");
        return v;
    }

    /** The names under a mapping, in file order. */
    List<String> keys(String path) {
        JsonNode n = required(path);
        if (!n.isObject()) throw new ConfigException(path, "must be a mapping");
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Number of items of a list, each then read as {@code path.N.field}. */
    int size(String path) {
        JsonNode n = required(path);
        if (!n.isArray() || n.isEmpty()) throw new ConfigException(path, "must be a non-empty list");
        return n.size();
    }

    /** Replaces a value by a string from the environment; the string is parsed as YAML (numbers stay numbers). */
    void override(String path, String value) {
        String[] parts = path.split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) parent = parent.get(parts[i]);
        if (!(parent instanceof com.fasterxml.jackson.databind.node.ObjectNode obj)) {
            throw new ConfigException(path, "cannot be overridden: its parent is not a mapping");
        }
        try {
            JsonNode parsed = value.isEmpty() ? YAML.getNodeFactory().textNode("") : YAML.readTree(value);
            obj.set(
                    parts[parts.length - 1],
                    parsed == null ? YAML.getNodeFactory().textNode(value) : parsed);
        } catch (IOException e) {
            obj.put(parts[parts.length - 1], value);
        }
    }

    /** Every leaf key of the file, dotted. */
    Set<String> leaves() {
        Set<String> out = new TreeSet<>();
        leaves("", root, out);
        return out;
    }

    private static void leaves(String prefix, JsonNode n, Set<String> out) {
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                var e = it.next();
                leaves(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) leaves(prefix + "." + i, n.get(i), out);
        } else {
            out.add(prefix);
        }
    }

    /** Fails naming the first key that was never read: a typo in the file must not be silently ignored. */
    void rejectUnread() {
        Set<String> unread = leaves();
        unread.removeAll(read);
        if (!unread.isEmpty()) {
            String key = unread.iterator().next();
            throw new ConfigException(key, "is not a known setting in " + file);
        }
    }
}
