package org.bianmin.knowledge.application;

import java.util.ArrayList;
import java.util.List;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.search.IndexedEntry;
import org.bianmin.knowledge.search.KnowledgeIndex;
import org.bianmin.knowledge.search.RankedEntry;
import org.bianmin.knowledge.search.SearchHit;
import org.bianmin.knowledge.search.TokenStatistics;

/**
 * The public face of the knowledge capability: analyze a question, rank entries in whichever engine is
 * configured, and return the entries with score and coverage. Other capabilities use only this class.
 */
public final class KnowledgeSearch {

    /** Longer questions keep their first distinct tokens: a query never exceeds the engines' clause limits. */
    public static final int MAX_QUERY_TOKENS = 64;

    private final KnowledgeBase knowledgeBase;
    private final ChineseAnalyzer analyzer;
    private final KnowledgeIndex index;
    private final List<IndexedEntry> indexedEntries;
    private final TokenStatistics statistics;

    public KnowledgeSearch(KnowledgeBase knowledgeBase, ChineseAnalyzer analyzer, KnowledgeIndex index) {
        this(knowledgeBase, analyzer, index, IndexedEntry.analyzeAll(knowledgeBase.entries(), analyzer));
    }

    /** With the entries already analyzed by {@code analyzer} (see the start-up preload). */
    public KnowledgeSearch(KnowledgeBase knowledgeBase, ChineseAnalyzer analyzer, KnowledgeIndex index,
                           List<IndexedEntry> indexedEntries) {
        this.knowledgeBase = knowledgeBase;
        this.analyzer = analyzer;
        this.index = index;
        this.indexedEntries = List.copyOf(indexedEntries);
        this.statistics = new TokenStatistics(indexedEntries);
    }

    /** Rebuilds the engine's index from the loaded entries (no downtime: both engines swap when done). */
    public void rebuildIndex() {
        index.rebuild(indexedEntries);
    }

    public List<String> analyze(String text) {
        List<String> tokens = analyzer.tokens(text).stream().distinct().toList();
        return tokens.size() > MAX_QUERY_TOKENS ? tokens.subList(0, MAX_QUERY_TOKENS) : tokens;
    }

    public List<RankedEntry> search(String text, int limit) {
        return searchTokens(analyze(text), limit);
    }

    public List<RankedEntry> searchTokens(List<String> tokens, int limit) {
        List<RankedEntry> ranked = new ArrayList<>();
        for (SearchHit hit : index.search(tokens, limit)) {
            knowledgeBase.find(hit.entryId()).ifPresent(entry -> ranked.add(
                    new RankedEntry(entry, hit.score(), statistics.coverage(entry.id(), tokens))));
        }
        return ranked;
    }

    public KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }

    public KnowledgeIndex index() {
        return index;
    }

    public List<IndexedEntry> indexedEntries() {
        return indexedEntries;
    }
}
