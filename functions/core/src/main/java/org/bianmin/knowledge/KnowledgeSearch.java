package org.bianmin.knowledge;

import java.util.ArrayList;
import java.util.List;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.application.KnowledgeBase;
import org.bianmin.knowledge.model.KnowledgeEntry;
import org.bianmin.knowledge.search.IndexedEntry;
import org.bianmin.knowledge.search.KnowledgeIndex;
import org.bianmin.knowledge.search.SearchHit;
import org.bianmin.knowledge.search.TokenStatistics;

/**
 * The knowledge capability's published port: analyze a question, rank entries in whichever engine is configured,
 * and return the entries with score and coverage; look entries up by id. Other capabilities use only this class,
 * its result types ({@link RankedEntry}, {@code knowledge.model}) and the shared Chinese analyzer
 * ({@code knowledge.analysis}); ArchitectureTest holds them to it.
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

    /** The entry with this id, if the knowledge base has it. */
    public java.util.Optional<KnowledgeEntry> find(String id) {
        return knowledgeBase.find(id);
    }

    /** Every entry. */
    public java.util.Collection<KnowledgeEntry> entries() {
        return knowledgeBase.entries();
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
