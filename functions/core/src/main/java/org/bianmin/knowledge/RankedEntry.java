package org.bianmin.knowledge;

import org.bianmin.knowledge.model.KnowledgeEntry;

/**
 * A search result with the two numbers the answer policy needs: the engine's BM25 score (for comparing
 * candidates of one query) and the coverage, the IDF-weighted share of the query's tokens the entry contains
 * (0..1, comparable across queries: "does this entry talk about what was asked at all").
 */
public record RankedEntry(KnowledgeEntry entry, float score, double coverage) {
}
