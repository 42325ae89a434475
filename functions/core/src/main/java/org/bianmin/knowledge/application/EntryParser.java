package org.bianmin.knowledge.application;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.bianmin.knowledge.model.Domain;
import org.bianmin.knowledge.model.EntryAnswer;
import org.bianmin.knowledge.model.EntryKind;
import org.bianmin.knowledge.model.KnowledgeEntry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one JSON Lines record into a {@link KnowledgeEntry}, or says exactly what is wrong with it.
 * Validation is strict on purpose: an entry a citizen reads must be complete.
 */
final class EntryParser {

    static final int MIN_VARIANTS = 3;
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> FIELDS = Set.of("id", "title", "question", "variants", "answer", "category",
            "department", "domain", "kind", "offerRequest", "tags", "updatedAt");
    private static final Set<String> ANSWER_FIELDS = Set.of("summary", "steps", "materials", "where", "online",
            "fees", "timeLimit", "hours", "phone", "conditions");

    private final JsonMapper json = JsonMapper.builder().build();

    KnowledgeEntry parse(String line) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a line must be one JSON object");
        }
        for (String name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "'");
            }
        }
        String id = text(node, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id '" + id + "' must be lowercase kebab-case ASCII");
        }
        List<String> variants = texts(node, "variants");
        if (variants.size() < MIN_VARIANTS) {
            throw new IllegalArgumentException("needs at least " + MIN_VARIANTS + " variants, has " + variants.size());
        }
        String domainLabel = text(node, "domain");
        Domain domain = Domain.fromLabel(domainLabel)
                .orElseThrow(() -> new IllegalArgumentException("unknown domain '" + domainLabel + "'"));
        EntryKind kind = enumValue(EntryKind.class, text(node, "kind"), "kind");
        JsonNode offer = node.get("offerRequest");
        if (offer == null || !offer.isBoolean()) {
            throw new IllegalArgumentException("'offerRequest' must be true or false");
        }
        if (kind == EntryKind.CITY_PROBLEM && !offer.booleanValue()) {
            throw new IllegalArgumentException("a CITY_PROBLEM entry must offer to file a request");
        }
        LocalDate updatedAt;
        try {
            updatedAt = LocalDate.parse(text(node, "updatedAt"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'updatedAt' must be an ISO date such as 2026-11-01");
        }
        return new KnowledgeEntry(id, text(node, "title"), text(node, "question"), variants,
                answer(node.get("answer")), text(node, "category"), text(node, "department"), domain, kind,
                offer.booleanValue(), texts(node, "tags"), updatedAt);
    }

    private EntryAnswer answer(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("'answer' must be an object");
        }
        for (String name : node.propertyNames()) {
            if (!ANSWER_FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown answer field '" + name + "'");
            }
        }
        EntryAnswer answer = new EntryAnswer(text(node, "summary"), optionalTexts(node, "steps"),
                optionalTexts(node, "materials"), optionalText(node, "where"), optionalText(node, "online"),
                optionalText(node, "fees"), optionalText(node, "timeLimit"), optionalText(node, "hours"),
                optionalText(node, "phone"), optionalTexts(node, "conditions"));
        long sections = ANSWER_FIELDS.stream().filter(f -> !f.equals("summary") && node.hasNonNull(f)).count();
        if (sections < 2) {
            throw new IllegalArgumentException("'answer' needs a summary and at least two more sections");
        }
        return answer;
    }

    private static String text(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        return value;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() || value.stringValue().isBlank()) {
            throw new IllegalArgumentException("'" + field + "' must be a non-empty string");
        }
        return value.stringValue().strip();
    }

    private static List<String> texts(JsonNode node, String field) {
        List<String> values = optionalTexts(node, field);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("'" + field + "' must be a non-empty array of strings");
        }
        return values;
    }

    private static List<String> optionalTexts(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException("'" + field + "' must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isString() || item.stringValue().isBlank()) {
                throw new IllegalArgumentException("'" + field + "' must hold only non-empty strings");
            }
            values.add(item.stringValue().strip());
        }
        return values;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + field + " '" + value + "'");
        }
    }
}
