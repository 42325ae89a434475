package org.bianmin.knowledge.search;

/**
 * The analyzed fields of the knowledge index and their boosts. Both engines build their queries from this
 * enum, so a boost changed here changes Lucene and Elasticsearch ranking alike; the field names must match
 * {@code index-mappings/knowledge.json} (a test checks).
 *
 * <p>The word fields are queried with the question's words, the {@link #PINYIN} field with its folded pinyin
 * syllable pairs ({@link SearchQuery}). Pinyin is queried only in the second pass, for a question its words leave
 * mostly uncovered (a misheard 公鸡金); there the sounds are the best evidence there is, hence a boost as high as
 * the title's. Boosts 0.5 to 3 were measured (docs/knowledge-base.md).
 */
public enum SearchField {
    TITLE("title", 2.0f, Tokens.WORDS),
    QUESTIONS("questions", 3.0f, Tokens.WORDS),
    KEYWORDS("keywords", 1.0f, Tokens.WORDS),
    ANSWER("answer", 0.4f, Tokens.WORDS),
    PINYIN("pinyin", 2.0f, Tokens.PINYIN);

    /** Which of the query's token lists a field is matched with. */
    public enum Tokens { WORDS, PINYIN }

    private final String fieldName;
    private final float boost;
    private final Tokens tokens;

    SearchField(String fieldName, float boost, Tokens tokens) {
        this.fieldName = fieldName;
        this.boost = boost;
        this.tokens = tokens;
    }

    public String fieldName() {
        return fieldName;
    }

    public float boost() {
        return boost;
    }

    public Tokens tokens() {
        return tokens;
    }

    /** The word fields: what coverage and the word-only query use. */
    public static java.util.List<SearchField> wordFields() {
        return java.util.Arrays.stream(values()).filter(f -> f.tokens == Tokens.WORDS).toList();
    }
}
