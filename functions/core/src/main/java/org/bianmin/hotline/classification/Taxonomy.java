package org.bianmin.hotline.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.hotline.model.SlaClass;
import org.bianmin.knowledge.model.Domain;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hotline's routing taxonomy ({@code hotline/taxonomy.json}): the 15 first-level domains, their categories
 * and leaf categories, each leaf with its department and SLA class. Validated when loaded.
 */
public final class Taxonomy {

    public static final String RESOURCE = "hotline/taxonomy.json";

    private final String version;
    private final Map<String, Leaf> leaves;
    private final List<Leaf> ordered;

    public Taxonomy(String version, List<Leaf> leaves) {
        this.version = version;
        Map<String, Leaf> byCode = new LinkedHashMap<>();
        for (Leaf leaf : leaves) {
            if (byCode.putIfAbsent(leaf.code(), leaf) != null) {
                throw new IllegalStateException(RESOURCE + ": duplicate leaf code " + leaf.code());
            }
        }
        this.leaves = Map.copyOf(byCode);
        this.ordered = List.copyOf(byCode.values());
    }

    public static Taxonomy loadDefault() {
        try (InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return parse(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static Taxonomy parse(JsonNode root) {
        List<Leaf> leaves = new ArrayList<>();
        for (JsonNode domainNode : root.required("domains")) {
            String domainName = text(domainNode, "name", "domain");
            Domain domain = Domain.fromLabel(domainName)
                    .orElseThrow(() -> new IllegalStateException(RESOURCE + ": unknown domain " + domainName));
            for (JsonNode category : domainNode.required("categories")) {
                String categoryCode = text(category, "code", domainName);
                for (JsonNode leaf : category.required("leaves")) {
                    String code = text(leaf, "code", categoryCode);
                    List<String> keywords = new ArrayList<>();
                    leaf.required("keywords").forEach(k -> keywords.add(k.stringValue()));
                    List<String> examples = new ArrayList<>();
                    leaf.path("examples").forEach(e -> examples.add(e.stringValue()));
                    String sla = text(leaf, "sla", code);
                    leaves.add(new Leaf(code, text(leaf, "name", code), domain, categoryCode,
                            text(category, "name", categoryCode), text(leaf, "department", code),
                            SlaClass.valueOf(sla), text(leaf, "description", code), keywords, examples));
                }
            }
        }
        return new Taxonomy(root.path("version").asString(""), leaves);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw new IllegalStateException(RESOURCE + ": '" + field + "' missing under " + where);
        }
        return value.stringValue();
    }

    public Optional<Leaf> leaf(String code) {
        return Optional.ofNullable(leaves.get(code));
    }

    public List<Leaf> leaves() {
        return ordered;
    }

    /** The departments tickets are routed to, sorted: the ones a dispatcher may send a ticket to. */
    public List<String> departments() {
        return ordered.stream().map(Leaf::department).distinct().sorted().toList();
    }

    public String version() {
        return version;
    }
}
