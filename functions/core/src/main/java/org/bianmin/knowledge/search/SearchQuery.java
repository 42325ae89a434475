package org.bianmin.knowledge.search;

import java.util.List;
import java.util.Set;

/**
 * An analyzed question as both engines receive it: its distinct words (for the word fields), its distinct pinyin
 * syllable pairs (for {@link SearchField#PINYIN}), and the focus: the words of the asking clause of a long story,
 * weighted by {@code focusWeight}. Each engine sends one term clause per (field, token), boosted by the field's
 * boost times the token's {@link #weight}, computed here once so both engines receive the same float.
 */
public record SearchQuery(List<String> words, List<String> pinyin, Set<String> focus, float focusWeight) {

    public SearchQuery {
        words = List.copyOf(words);
        pinyin = List.copyOf(pinyin);
        focus = Set.copyOf(focus);
    }

    public SearchQuery(List<String> words, List<String> pinyin) {
        this(words, pinyin, Set.of(), 1f);
    }

    /** Words only: a query that must not match by sound (what is left of a follow-up around its cue). */
    public static SearchQuery ofWords(List<String> words) {
        return new SearchQuery(words, List.of());
    }

    /** The same query without its pinyin pairs: words only. */
    public SearchQuery withoutPinyin() {
        return new SearchQuery(words, List.of(), focus, focusWeight);
    }

    /** The same query with these pinyin pairs. */
    public SearchQuery withPinyin(List<String> pairs) {
        return new SearchQuery(words, pairs, focus, focusWeight);
    }

    /** The boost of the clause for this token in this field. */
    public float boost(SearchField field, String token) {
        return focus.contains(token) ? field.boost() * focusWeight : field.boost();
    }

    public boolean isEmpty() {
        return words.isEmpty() && pinyin.isEmpty();
    }

    /** The tokens a field is matched with. */
    public List<String> tokensFor(SearchField field) {
        return field.tokens() == SearchField.Tokens.PINYIN ? pinyin : words;
    }
}
