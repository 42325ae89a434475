package org.bianmin.knowledge;

import java.util.ArrayList;
import java.util.List;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.application.KnowledgeBase;
import org.bianmin.knowledge.model.KnowledgeEntry;
import org.bianmin.knowledge.search.IndexedEntry;
import org.bianmin.knowledge.search.KnowledgeIndex;
import org.bianmin.knowledge.search.SearchField;
import org.bianmin.knowledge.search.SearchHit;
import org.bianmin.knowledge.search.SearchQuery;
import org.bianmin.knowledge.search.TokenStatistics;

/**
 * The knowledge capability's published port: analyze a question, rank entries in whichever engine is configured,
 * and return the entries with score and coverage; look entries up by id. Other capabilities use only this class,
 * its result types ({@link RankedEntry}, {@code knowledge.model}) and the shared Chinese analyzer
 * ({@code knowledge.analysis}); ArchitectureTest holds them to it.
 */
public final class KnowledgeSearch {

    /**
     * A query never exceeds the engines' clause limits: a longer question (a caller's story) keeps the distinct
     * tokens that say most about the topic, the rarest in the knowledge base, in their original order.
     */
    public static final int MAX_QUERY_TOKENS = 64;
    /** Below this word coverage of the best entry the question is ranked again with its pinyin pairs. */
    static final double SOUNDS_BELOW_COVERAGE = 0.7;

    private final KnowledgeBase knowledgeBase;
    private final ChineseAnalyzer analyzer;
    private final KnowledgeIndex index;
    private final List<IndexedEntry> indexedEntries;
    private final TokenStatistics statistics;
    private final TokenStatistics pinyinStatistics;

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
        this.pinyinStatistics = new TokenStatistics(indexedEntries, SearchField.Tokens.PINYIN);
    }

    /** Rebuilds the engine's index from the loaded entries (no downtime: both engines swap when done). */
    public void rebuildIndex() {
        index.rebuild(indexedEntries);
    }

    /** The question's distinct words, at most {@link #MAX_QUERY_TOKENS}. */
    public List<String> analyze(String text) {
        return words(analyzer.analysis(text));
    }

    private List<String> words(ChineseAnalyzer.Analysis analysis) {
        return QueryTokens.mostTelling(analysis.tokens(), statistics, MAX_QUERY_TOKENS);
    }

    /**
     * Whether the text is a caller's story rather than a question: long enough that its asking clause is weighted
     * up and its coverage counts only the words the knowledge base knows (the rest is about the caller).
     */
    public boolean isStory(String text) {
        return analyze(text).size() >= QuestionFocus.MIN_STORY_WORDS;
    }

    /** The question as the engines receive it: its words and its pinyin pairs. */
    public SearchQuery query(String text) {
        ChineseAnalyzer.Analysis analysis = analyzer.analysis(text);
        return wordQuery(analysis).withPinyin(pinyin(analysis));
    }

    /** The question's words and, for a story, the words of its asking clause; no pinyin yet. */
    private SearchQuery wordQuery(ChineseAnalyzer.Analysis analysis) {
        List<String> words = words(analysis);
        int[] asking = QuestionFocus.askingClause(analysis.text(), words.size());
        if (asking == null) {
            return SearchQuery.ofWords(words);
        }
        return new SearchQuery(words, List.of(), java.util.Set.copyOf(analysis.tokensWithin(asking[0], asking[1])),
                QuestionFocus.WEIGHT);
    }

    private List<String> pinyin(ChineseAnalyzer.Analysis analysis) {
        return QueryTokens.mostTelling(analyzer.pinyinTokens(analysis), pinyinStatistics, MAX_QUERY_TOKENS);
    }

    /**
     * Words first; by words and sounds together only when the words leave the question mostly uncovered (a misheard
     * 公鸡金 covers little by words). An ordinary question is ranked exactly as without pinyin, so its top entry and
     * its separation from the runner-up (what decides ANSWER against CLARIFY) do not move, and its pinyin is never
     * computed. One analysis serves both passes. The fusion was measured both ways (docs/knowledge-base.md).
     */
    public List<RankedEntry> search(String text, int limit) {
        ChineseAnalyzer.Analysis analysis = analyzer.analysis(text);
        SearchQuery words = wordQuery(analysis);
        List<RankedEntry> byWords = rank(words, limit);
        if (coveredByWords(byWords)) {
            return byWords;
        }
        SearchQuery withPinyin = words.withPinyin(pinyin(analysis));
        return withPinyin.pinyin().isEmpty() ? byWords : rank(withPinyin, limit);
    }

    /** By words only (no pinyin): for the few words left of a follow-up around its cue. */
    public List<RankedEntry> searchTokens(List<String> tokens, int limit) {
        return rank(SearchQuery.ofWords(tokens), limit);
    }

    /** An analyzed query, with the same two passes as {@link #search(String, int)}. */
    public List<RankedEntry> search(SearchQuery query, int limit) {
        if (query.pinyin().isEmpty()) {
            return rank(query, limit);
        }
        List<RankedEntry> byWords = rank(query.withoutPinyin(), limit);
        return coveredByWords(byWords) ? byWords : rank(query, limit);
    }

    private static boolean coveredByWords(List<RankedEntry> byWords) {
        return !byWords.isEmpty() && byWords.get(0).coverage() >= SOUNDS_BELOW_COVERAGE;
    }

    private List<RankedEntry> rank(SearchQuery query, int limit) {
        List<RankedEntry> ranked = new ArrayList<>();
        for (SearchHit hit : index.search(query, limit)) {
            knowledgeBase.find(hit.entryId()).ifPresent(entry -> ranked.add(
                    new RankedEntry(entry, hit.score(), coverage(entry.id(), query))));
        }
        return ranked;
    }

    /**
     * How much of the question the entry covers: by its words, or, when that is more, by its sounds (a misheard
     * question covers little by words and much by pinyin).
     */
    private double coverage(String entryId, SearchQuery query) {
        List<String> counted = query.words().size() < QuestionFocus.MIN_STORY_WORDS ? query.words()
                : query.words().stream().filter(statistics::isKnown).toList();
        double words = statistics.coverage(entryId, counted);
        return query.pinyin().isEmpty() ? words : Math.max(words, pinyinStatistics.coverage(entryId, query.pinyin()));
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
