package org.bianmin.knowledge;

import org.bianmin.knowledge.model.KnowledgeEntry;

/**
 * A search result with the numbers the answer policy needs: the engine's BM25 score (for comparing candidates of one
 * query by their words; 0 when only the meaning found the entry), the coverage, the IDF-weighted share of the query's
 * tokens the entry contains (0..1, comparable across queries: "does this entry talk about what was asked at all"),
 * and, when the question was also ranked by meaning, the similarity: the cosine of the entry's nearest way of asking
 * to the question (NaN when it was ranked by words only).
 */
public record RankedEntry(KnowledgeEntry entry, float score, double coverage, double similarity) {

    /** Ranked by words only. */
    public RankedEntry(KnowledgeEntry entry, float score, double coverage) {
        this(entry, score, coverage, Double.NaN);
    }

    /** Whether the question was also ranked by meaning, so {@link #similarity()} is known. */
    public boolean rankedByMeaning() {
        return !Double.isNaN(similarity);
    }
}
