package org.bianmin.http;

import tools.jackson.databind.json.JsonMapper;

/** The API's JSON mapper for responses and stored documents; request bodies are read by {@link RequestBodies}. */
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
}
