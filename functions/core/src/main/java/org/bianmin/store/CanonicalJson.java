package org.bianmin.store;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One text per JSON value, whatever its key order and whitespace: object keys sorted, no insignificant whitespace.
 * Numbers and strings are kept as sent ({@code 1} and {@code 1.0} stay different requests).
 */
public final class CanonicalJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private CanonicalJson() {
    }

    /** The canonical form of {@code text}, or {@code text} itself when it is not JSON. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node == null || node.isMissingNode() ? text : JSON.writeValueAsString(node);
        } catch (JacksonException notJson) {
            return text;
        }
    }
}
