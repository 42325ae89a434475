package org.bianmin.approval.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bianmin.approval.model.CheckRule;
import org.bianmin.approval.model.ServiceItem;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service items decided by 秒批, one rule file each ({@code approval/items/*.json}), validated when loaded:
 * a rule that names an unknown source, operator or field type stops the start with the file's name.
 */
public final class ServiceCatalog {

    static final Set<String> OPERATORS = Set.of("==", "!=", ">=", "<=", ">", "<");
    static final Set<String> FIELD_TYPES = Set.of("text", "number", "boolean");

    private final Map<String, ServiceItem> items;

    public ServiceCatalog(List<ServiceItem> items) {
        Map<String, ServiceItem> byCode = new LinkedHashMap<>();
        items.forEach(item -> byCode.put(item.code(), item));
        this.items = byCode;
    }

    public static ServiceCatalog load(Set<String> knownSources) {
        JsonMapper json = JsonMapper.builder().build();
        List<ServiceItem> items = new ArrayList<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:approval/items/*.json");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    items.add(parse(file.getFilename(), json.readTree(in), knownSources));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("approval/items/" + file.getFilename() + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the approval rule files", e);
        }
        if (items.isEmpty()) {
            throw new IllegalStateException("no approval rule files under approval/items/");
        }
        return new ServiceCatalog(items);
    }

    static ServiceItem parse(String file, JsonNode node, Set<String> knownSources) {
        List<ServiceItem.RequiredField> fields = new ArrayList<>();
        for (JsonNode field : node.required("requiredFields")) {
            String type = field.required("type").stringValue();
            if (!FIELD_TYPES.contains(type)) {
                throw new IllegalStateException("unknown field type " + type);
            }
            List<String> values = new ArrayList<>();
            field.path("values").forEach(v -> values.add(v.stringValue()));
            fields.add(new ServiceItem.RequiredField(field.required("name").stringValue(),
                    field.required("label").stringValue(), type, values));
        }
        List<CheckRule> checks = new ArrayList<>();
        for (JsonNode check : node.required("checks")) {
            String source = check.required("source").stringValue();
            String op = check.required("op").stringValue();
            if (!knownSources.contains(source)) {
                throw new IllegalStateException("check " + check.path("id").asString("") + " names unknown source " + source);
            }
            if (!OPERATORS.contains(op)) {
                throw new IllegalStateException("unknown operator " + op);
            }
            JsonNode value = check.required("value");
            Object expected = value.isBoolean() ? (Object) value.booleanValue()
                    : value.isNumber() ? (Object) value.numberValue() : value.stringValue();
            checks.add(new CheckRule(check.required("id").stringValue(), check.required("label").stringValue(), source,
                    check.required("field").stringValue(), op, expected, check.required("failReason").stringValue()));
        }
        if (checks.isEmpty()) {
            throw new IllegalStateException("an item needs at least one check");
        }
        return new ServiceItem(node.required("code").stringValue(), node.required("name").stringValue(),
                node.required("department").stringValue(), node.required("description").stringValue(), fields, checks);
    }

    public Optional<ServiceItem> item(String code) {
        return Optional.ofNullable(items.get(code));
    }

    public List<ServiceItem> items() {
        return List.copyOf(items.values());
    }
}
