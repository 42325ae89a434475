package org.bianmin.knowledge.search;

/**
 * The analyzed fields of the knowledge index and their boosts. Both engines build their queries from this
 * enum, so a boost changed here changes Lucene and Elasticsearch ranking alike; the field names must match
 * {@code index-mappings/knowledge.json} (a test checks).
 */
public enum SearchField {
    TITLE("title", 2.0f),
    QUESTIONS("questions", 3.0f),
    KEYWORDS("keywords", 1.0f),
    ANSWER("answer", 0.4f);

    private final String fieldName;
    private final float boost;

    SearchField(String fieldName, float boost) {
        this.fieldName = fieldName;
        this.boost = boost;
    }

    public String fieldName() {
        return fieldName;
    }

    public float boost() {
        return boost;
    }
}
