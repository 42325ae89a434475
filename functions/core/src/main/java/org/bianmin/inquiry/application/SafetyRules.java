package org.bianmin.inquiry.application;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.bianmin.inquiry.model.Emergency;
import org.bianmin.knowledge.model.Domain;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The safety data file ({@code inquiry/safety.json}): emergency numbers, the kinds of emergency with their
 * patterns and first steps, and the phrases and clauses that make a mention non-urgent. Loaded and validated
 * once at start: a broken file stops the start with the field that is wrong, because a safety check that
 * silently lost a kind would answer a fire with a routine entry.
 */
public final class SafetyRules {

    public static final String DEFAULT_RESOURCE = "inquiry/safety.json";
    static final int MIN_STEPS = 2;
    static final int MAX_STEPS = 4;
    private static final Pattern NUMBER = Pattern.compile("[0-9-]{3,20}");
    private static final Pattern ID = Pattern.compile("[a-z]+(-[a-z]+)*");

    private final String offer;
    private final List<Pattern> ignorePhrases;
    private final List<Pattern> nonUrgentClauses;
    private final List<EmergencyKind> kinds;

    SafetyRules(String offer, List<Pattern> ignorePhrases, List<Pattern> nonUrgentClauses, List<EmergencyKind> kinds) {
        this.offer = offer;
        this.ignorePhrases = List.copyOf(ignorePhrases);
        this.nonUrgentClauses = List.copyOf(nonUrgentClauses);
        this.kinds = List.copyOf(kinds);
    }

    /** The rules shipped with the function. */
    public static SafetyRules load() {
        return load(DEFAULT_RESOURCE);
    }

    public static SafetyRules load(String classpathResource) {
        try (InputStream in = SafetyRules.class.getClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalStateException(classpathResource + ": not on the classpath");
            }
            return parse(classpathResource, JsonMapper.builder().build().readTree(in));
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException(classpathResource + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    static SafetyRules parse(String source, JsonNode root) {
        Reader reader = new Reader(source);
        Map<String, Emergency.Hotline> hotlines = new LinkedHashMap<>();
        JsonNode hotlineNodes = reader.object(root, "hotlines");
        for (Map.Entry<String, JsonNode> hotline : hotlineNodes.properties()) {
            String where = "hotlines." + hotline.getKey();
            String number = reader.text(hotline.getValue(), "number", where);
            if (!NUMBER.matcher(number).matches()) {
                throw reader.error(where + ".number: '" + number + "' is not a phone number");
            }
            hotlines.put(hotline.getKey(), new Emergency.Hotline(number, reader.text(hotline.getValue(), "name", where)));
        }
        List<EmergencyKind> kinds = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode kindNodes = reader.array(root, "kinds", "");
        for (int i = 0; i < kindNodes.size(); i++) {
            JsonNode node = kindNodes.get(i);
            String where = "kinds[" + i + "]";
            String id = reader.text(node, "id", where);
            if (!ID.matcher(id).matches() || !ids.add(id)) {
                throw reader.error(where + ".id: '" + id + "' is not a unique lowercase kebab-case id");
            }
            String domain = reader.text(node, "domain", where);
            if (Domain.fromLabel(domain).isEmpty()) {
                throw reader.error(where + ".domain: '" + domain + "' is not one of the 15 hotline domains");
            }
            List<String> steps = reader.texts(node, "steps", where);
            if (steps.size() < MIN_STEPS || steps.size() > MAX_STEPS) {
                throw reader.error(where + ".steps: " + steps.size() + " steps, expected " + MIN_STEPS + " to " + MAX_STEPS);
            }
            List<Emergency.Hotline> alsoCall = new ArrayList<>();
            for (String key : reader.texts(node, "alsoCall", where)) {
                alsoCall.add(reader.hotline(hotlines, key, where + ".alsoCall"));
            }
            List<EmergencyKind.Trigger> triggers = new ArrayList<>();
            JsonNode patterns = reader.array(node, "patterns", where);
            for (int p = 0; p < patterns.size(); p++) {
                triggers.add(reader.trigger(patterns.get(p), where + ".patterns[" + p + "]"));
            }
            if (triggers.isEmpty()) {
                throw reader.error(where + ".patterns: at least one pattern is required");
            }
            kinds.add(new EmergencyKind(id, reader.text(node, "label", where),
                    reader.hotline(hotlines, reader.text(node, "call", where), where + ".call"), alsoCall, domain,
                    reader.text(node, "department", where), steps, triggers));
        }
        if (kinds.isEmpty()) {
            throw reader.error("kinds: at least one kind is required");
        }
        return new SafetyRules(reader.text(root, "offer", ""), reader.patterns(root, "ignorePhrases"),
                reader.patterns(root, "nonUrgentClauses"), kinds);
    }

    /** The urgent-request offer said after the steps. */
    public String offer() {
        return offer;
    }

    /** Phrases removed before matching: "打不着火" is about a stove, "跳楼价" about prices. */
    List<Pattern> ignorePhrases() {
        return ignorePhrases;
    }

    /** A clause with one of these is past, hypothetical or administrative ("去年着过火的房子能卖吗"). */
    List<Pattern> nonUrgentClauses() {
        return nonUrgentClauses;
    }

    /** In the file's order, which is also the order of precedence when several kinds match. */
    public List<EmergencyKind> kinds() {
        return kinds;
    }

    /** Field access that names the file and field in every error. */
    private record Reader(String source) {

        IllegalStateException error(String message) {
            return new IllegalStateException(source + ": " + message);
        }

        JsonNode object(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isObject()) {
                throw error(field + ": an object is required");
            }
            return value;
        }

        JsonNode array(JsonNode node, String field, String where) {
            JsonNode value = node.get(field);
            if (value == null || !value.isArray()) {
                throw error(prefix(where) + field + ": an array is required");
            }
            return value;
        }

        String text(JsonNode node, String field, String where) {
            JsonNode value = node.get(field);
            if (value == null || !value.isString() || value.stringValue().isBlank()) {
                throw error(prefix(where) + field + ": a non-empty string is required");
            }
            return value.stringValue();
        }

        List<String> texts(JsonNode node, String field, String where) {
            List<String> texts = new ArrayList<>();
            JsonNode values = array(node, field, where);
            for (int i = 0; i < values.size(); i++) {
                if (!values.get(i).isString() || values.get(i).stringValue().isBlank()) {
                    throw error(prefix(where) + field + "[" + i + "]: a non-empty string is required");
                }
                texts.add(values.get(i).stringValue());
            }
            return texts;
        }

        List<Pattern> patterns(JsonNode node, String field) {
            List<Pattern> patterns = new ArrayList<>();
            List<String> texts = texts(node, field, "");
            for (int i = 0; i < texts.size(); i++) {
                patterns.add(compile(texts.get(i), field + "[" + i + "]"));
            }
            return patterns;
        }

        EmergencyKind.Trigger trigger(JsonNode node, String where) {
            if (node.isString()) {
                return new EmergencyKind.Trigger(List.of(compile(node.stringValue(), where)));
            }
            List<Pattern> all = new ArrayList<>();
            if (node.isObject() && node.size() == 1) {
                List<String> texts = texts(node, "all", where);
                for (int i = 0; i < texts.size(); i++) {
                    all.add(compile(texts.get(i), where + ".all[" + i + "]"));
                }
            }
            if (all.size() < 2) {
                throw error(where + ": a pattern string or {\"all\": [two or more patterns]} is required");
            }
            return new EmergencyKind.Trigger(all);
        }

        Emergency.Hotline hotline(Map<String, Emergency.Hotline> hotlines, String key, String where) {
            Emergency.Hotline hotline = hotlines.get(key);
            if (hotline == null) {
                throw error(where + ": '" + key + "' is not one of hotlines " + hotlines.keySet());
            }
            return hotline;
        }

        private Pattern compile(String regex, String where) {
            if (regex.isBlank()) {
                throw error(where + ": an empty pattern would match every text");
            }
            try {
                Pattern pattern = Pattern.compile(regex);
                if (pattern.matcher("").find()) {
                    throw error(where + ": '" + regex + "' matches the empty text");
                }
                return pattern;
            } catch (PatternSyntaxException e) {
                throw error(where + ": not a valid regular expression: " + e.getDescription());
            }
        }

        private static String prefix(String where) {
            return where.isEmpty() ? "" : where + ".";
        }
    }
}
