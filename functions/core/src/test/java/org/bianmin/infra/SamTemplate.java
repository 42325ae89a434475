package org.bianmin.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * template.yaml as data. CloudFormation's short-form intrinsics (!Ref, !Sub, !GetAtt, !If ...) are read as
 * {@link Intrinsic} values, so checks can look inside them.
 */
final class SamTemplate {

    /** An intrinsic function: its name (Ref, Sub, GetAtt ...) and its argument as plain YAML data. */
    record Intrinsic(String function, Object argument) {
    }

    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    static SamTemplate load() {
        Path file = Path.of(System.getProperty("bianmin.template", "../../template.yaml"));
        try (InputStream in = Files.newInputStream(file)) {
            return new SamTemplate(new Yaml(new IntrinsicConstructor()).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A template (or a fragment with a Resources section) given as text, for checks on hand-written examples. */
    static SamTemplate parse(String yaml) {
        return new SamTemplate(new Yaml(new IntrinsicConstructor()).load(yaml));
    }

    /** The resource with this logical id, or null. */
    @SuppressWarnings("unchecked")
    Map<String, Object> resource(String logicalId) {
        return (Map<String, Object>) ((Map<String, Object>) root.get("Resources")).get(logicalId);
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        ((Map<String, Object>) root.get("Resources")).forEach((name, value) -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            if (type.equals(resource.get("Type"))) {
                found.put(name, resource);
            }
        });
        return found;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> globalFunction() {
        return (Map<String, Object>) ((Map<String, Object>) root.get("Globals")).get("Function");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String... path) {
        Object current = value;
        for (String key : path) {
            current = current == null ? null : ((Map<String, Object>) current).get(key);
        }
        return current == null ? Map.of() : (Map<String, Object>) current;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    /** The table name a TableName like {@code !Sub 'bianmin-${Stage}-tickets'} gives for a stage. */
    static String subStage(Object value, String stage) {
        if (value instanceof Intrinsic intrinsic && intrinsic.function().equals("Sub")) {
            return intrinsic.argument().toString().replace("${Stage}", stage);
        }
        return String.valueOf(value);
    }

    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor() {
            super(new LoaderOptions());
            for (String function : List.of("Ref", "Sub", "GetAtt", "If", "Equals", "Not", "And", "Or", "Select", "Split",
                    "Join", "FindInMap", "ImportValue", "GetAZs", "Base64", "Condition", "Cidr")) {
                this.yamlConstructors.put(new Tag("!" + function), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        return new Intrinsic(function, plain(node));
                    }
                });
            }
        }

        private Object plain(Node node) {
            if (node instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            if (node instanceof SequenceNode sequence) {
                List<Object> items = new ArrayList<>();
                sequence.getValue().forEach(n -> items.add(constructObject(n)));
                return items;
            }
            return constructMapping((MappingNode) node);
        }
    }
}
