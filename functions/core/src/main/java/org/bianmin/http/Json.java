package org.bianmin.http;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API's JSON mapper and the checks every JSON body goes through. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /**
     * The body of a JSON request as an object node. Wrong content type, malformed JSON and non-object JSON are
     * the caller's mistakes: 400 with a message that says which.
     */
    public static JsonNode objectBody(HttpRequest request) {
        String contentType = request.header("content-type").orElse("");
        if (!contentType.toLowerCase().startsWith("application/json")) {
            throw ApiException.badRequest("UNSUPPORTED_CONTENT_TYPE", "请求体必须是 JSON，请设置 Content-Type: application/json。");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(request.body());
        } catch (JacksonException e) {
            throw ApiException.badRequest("INVALID_JSON", "请求体不是有效的 JSON。");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("INVALID_JSON", "请求体必须是一个 JSON 对象。");
        }
        return node;
    }

    /** A string field that may be absent or null; any other type is a 400. */
    public static String optionalString(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiException.badRequest("INVALID_FIELD", "字段 " + field + " 必须是字符串。");
        }
        return value.stringValue();
    }
}
