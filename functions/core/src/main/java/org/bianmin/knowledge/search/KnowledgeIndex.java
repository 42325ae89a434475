package org.bianmin.knowledge.search;

import java.util.List;

/**
 * Ranks knowledge entries for a query. Implementations receive text already analyzed by
 * {@link org.bianmin.knowledge.analysis.ChineseAnalyzer}, score with BM25 over the boosts of
 * {@link SearchField}, and break score ties by entry id, so every engine returns the same order.
 */
public interface KnowledgeIndex extends AutoCloseable {

    /** Replaces the whole index with these entries; searches keep being served from the old one until done. */
    void rebuild(List<IndexedEntry> entries);

    /** The best {@code limit} entries for the query's distinct tokens, best first; empty for no tokens. */
    List<SearchHit> search(SearchQuery query, int limit);

    /**
     * The entries of the {@code k} vectors nearest to the query vector by the engine's HNSW graph, nearest first;
     * an entry asked in several ways may come more than once. Empty when the index holds no vectors. The caller
     * orders these candidates itself ({@link EntryVectors#rank}), so both engines give the same order.
     */
    List<String> nearest(byte[] vector, int k);

    /** Short engine name for health and logs: "lucene" or "elasticsearch". */
    String engine();

    /** The state of the engine and its document count, without throwing. */
    IndexHealth health();

    @Override
    default void close() {
    }
}
