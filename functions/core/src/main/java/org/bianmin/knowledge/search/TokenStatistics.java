package org.bianmin.knowledge.search;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which tokens each entry contains and how rare each token is across the knowledge base, for one kind of token
 * (the words of the word fields, or the pinyin pairs of the pinyin field). Computed from the same analyzed text
 * the engines index, so coverage means the same whichever engine ranked the entries.
 */
public final class TokenStatistics {

    private final Map<String, Set<String>> tokensByEntry = new HashMap<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final int documents;

    /** Statistics of the words. */
    public TokenStatistics(Collection<IndexedEntry> entries) {
        this(entries, SearchField.Tokens.WORDS);
    }

    public TokenStatistics(Collection<IndexedEntry> entries, SearchField.Tokens kind) {
        for (IndexedEntry entry : entries) {
            Set<String> tokens = new HashSet<>();
            for (SearchField field : SearchField.values()) {
                if (field.tokens() != kind) {
                    continue;
                }
                for (String token : entry.field(field).split(" ")) {
                    if (!token.isEmpty()) {
                        tokens.add(token);
                    }
                }
            }
            tokensByEntry.put(entry.id(), tokens);
            tokens.forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
        }
        this.documents = entries.size();
    }

    /** BM25-style IDF; a token no entry contains gets the highest weight, so unknown words lower coverage. */
    public double idf(String token) {
        int df = documentFrequency.getOrDefault(token, 0);
        return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
    }

    /** IDF-weighted share of the distinct query tokens that the entry contains. */
    public double coverage(String entryId, List<String> queryTokens) {
        Set<String> entryTokens = tokensByEntry.getOrDefault(entryId, Set.of());
        double total = 0;
        double matched = 0;
        for (String token : new LinkedHashSet<>(queryTokens)) {
            double weight = idf(token);
            total += weight;
            if (entryTokens.contains(token)) {
                matched += weight;
            }
        }
        return total == 0 ? 0 : matched / total;
    }

    public boolean isKnown(String token) {
        return documentFrequency.containsKey(token);
    }
}
