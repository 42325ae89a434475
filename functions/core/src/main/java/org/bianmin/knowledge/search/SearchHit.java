package org.bianmin.knowledge.search;

/** One ranked entry: the id and the engine's BM25 score. */
public record SearchHit(String entryId, float score) {
}
