package org.bianmin.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.application.KnowledgeBase;
import org.bianmin.knowledge.embedding.SentenceEmbedder;
import org.bianmin.knowledge.search.EntryVectors;
import org.bianmin.knowledge.search.RankFusion;
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
    /** How deep the ranking by words and the ranking by meaning go into the fusion. */
    static final int FUSION_DEPTH = 20;
    /**
     * Nearest vectors asked of the engine's HNSW graph (entries are asked about 7 ways each). HNSW is approximate and
     * the two engines build different graphs: with 100 (Elasticsearch examining 200 candidates) both return the same
     * candidates for all 370 evaluation questions; with 40 the tails differed for four and so did their top-3
     * (measured), although 40 costs about a third of the time.
     */
    static final int NEAREST_VECTORS = 100;
    /**
     * Runs the sentence model, and a story's ranking by words and sounds, beside the ranking by words; daemon threads,
     * idle ones end after a minute.
     */
    private static final ExecutorService BESIDE = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "question-ranking");
        thread.setDaemon(true);
        return thread;
    });

    private final KnowledgeBase knowledgeBase;
    private final ChineseAnalyzer analyzer;
    private final KnowledgeIndex index;
    private final List<IndexedEntry> indexedEntries;
    private final TokenStatistics statistics;
    private final TokenStatistics pinyinStatistics;
    /** Null when ranking by words only. */
    private final SentenceEmbedder embedder;
    private final EntryVectors vectors;

    /** By words only. */
    public KnowledgeSearch(KnowledgeBase knowledgeBase, ChineseAnalyzer analyzer, KnowledgeIndex index) {
        this(knowledgeBase, analyzer, index, IndexedEntry.analyzeAll(knowledgeBase.entries(), analyzer));
    }

    /** By words only, with the entries already analyzed by {@code analyzer} (see the start-up preload). */
    public KnowledgeSearch(KnowledgeBase knowledgeBase, ChineseAnalyzer analyzer, KnowledgeIndex index,
                           List<IndexedEntry> indexedEntries) {
        this(knowledgeBase, analyzer, index, indexedEntries, null);
    }

    /**
     * By words and by meaning when {@code embedder} is given: the indexed entries carry their vectors
     * ({@link IndexedEntry#vectors()}) and each question is embedded by {@code embedder}.
     */
    public KnowledgeSearch(KnowledgeBase knowledgeBase, ChineseAnalyzer analyzer, KnowledgeIndex index,
                           List<IndexedEntry> indexedEntries, SentenceEmbedder embedder) {
        this.knowledgeBase = knowledgeBase;
        this.analyzer = analyzer;
        this.index = index;
        this.indexedEntries = List.copyOf(indexedEntries);
        this.statistics = new TokenStatistics(indexedEntries);
        this.pinyinStatistics = new TokenStatistics(indexedEntries, SearchField.Tokens.PINYIN);
        Map<String, EntryVectors.Vectors> byEntry = new HashMap<>();
        for (IndexedEntry entry : indexedEntries) {
            if (!entry.vectors().isEmpty()) {
                byEntry.putIfAbsent(entry.id(), new EntryVectors.Vectors("", entry.vectors()));
            }
        }
        this.vectors = new EntryVectors(byEntry.values().stream().findFirst().map(v -> v.vectors().get(0).length).orElse(0), byEntry);
        this.embedder = byEntry.isEmpty() ? null : embedder;
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
        return QuestionFocus.isStory(analyze(text).size());
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
     * The ranking by words, fused with the ranking by meaning when the search has a sentence model.
     *
     * <p>By words: words first; by words and sounds together only when the words leave the question mostly uncovered
     * (a misheard 公鸡金 covers little by words). An ordinary question is ranked by words exactly as without pinyin,
     * and its pinyin is never computed. One analysis serves both passes (docs/knowledge-base.md).
     *
     * <p>By meaning: the question's vector against every way each entry is asked; the two rankings are fused by
     * reciprocal rank ({@link RankFusion}). A story or a dialect question that shares few words with its entry is
     * found by its meaning, while an exact wording still counts through the words (docs/inquiry.md). Each result
     * keeps its BM25 score (0 when only its meaning found it) and its coverage, which the answer policy reads.
     */
    public List<RankedEntry> search(String text, int limit) {
        ChineseAnalyzer.Analysis analysis = analyzer.analysis(text);
        // The sentence model and the nearest vectors run beside the ranking by words: on a long question each takes a
        // few milliseconds, and they share nothing until the fusion.
        CompletableFuture<Meaning> meaning = embedder == null || limit <= 0 || text.isBlank() ? null
                : CompletableFuture.supplyAsync(() -> meaning(analysis), BESIDE);
        SearchQuery words = wordQuery(analysis);
        int depth = embedder == null ? limit : Math.max(limit, FUSION_DEPTH);
        // A story's words seldom cover it (a caller says more than any entry does), so its second pass, by words and
        // sounds, starts at once beside the first: the story waits for the slower of the two instead of both in a
        // row. The first pass still decides which ranking is used, so the result is the same as one after the other.
        CompletableFuture<Ranking> soundsAhead = !QuestionFocus.isStory(words.words().size()) || limit <= 0
                ? null : CompletableFuture.supplyAsync(() -> byWordsAndSounds(words, analysis, depth), BESIDE);
        Ranking ranking = new Ranking(words, rank(words, depth));
        if (!coveredByWords(ranking.entries())) {
            Ranking withSounds = soundsAhead != null ? soundsAhead.join() : byWordsAndSounds(words, analysis, depth);
            if (withSounds != null) {
                ranking = withSounds;
            }
        } else if (soundsAhead != null) {
            soundsAhead.cancel(false);
        }
        List<RankedEntry> byWords = ranking.entries();
        if (meaning == null) {
            return byWords.subList(0, Math.min(limit, byWords.size()));
        }
        Meaning byMeaning = meaning.join();
        return fuse(byWords, byMeaning.nearest(), byMeaning.question(), ranking.query(), limit);
    }

    /** The question's vector and the entries nearest to it. */
    private record Meaning(byte[] question, List<String> nearest) {
    }

    private Meaning meaning(ChineseAnalyzer.Analysis analysis) {
        byte[] question = EntryVectors.quantize(embedder.embed(MeaningText.of(analysis, statistics)));
        return new Meaning(question, byMeaning(question));
    }

    /** A ranking by words (and sounds) with the query that made it, whose coverage the fusion reuses. */
    private record Ranking(SearchQuery query, List<RankedEntry> entries) {
    }

    /** The second pass: the question's words and its pinyin pairs; null when it has no pinyin pairs. */
    private Ranking byWordsAndSounds(SearchQuery words, ChineseAnalyzer.Analysis analysis, int depth) {
        SearchQuery withPinyin = words.withPinyin(pinyin(analysis));
        return withPinyin.pinyin().isEmpty() ? null : new Ranking(withPinyin, rank(withPinyin, depth));
    }

    /** Entry ids by meaning, nearest first, at most {@link #FUSION_DEPTH}. */
    List<String> byMeaning(String text) {
        return meaning(analyzer.analysis(text)).nearest();
    }

    private List<String> byMeaning(byte[] question) {
        return vectors.rank(index.nearest(question, NEAREST_VECTORS), question, FUSION_DEPTH);
    }

    /**
     * The fused order. Each result keeps what each ranking thinks of it (BM25 and coverage by words, similarity by
     * meaning), so that the answer policy can tell whether the runner-up is close to the best by either; the fused
     * order itself has no score that says how far apart two entries are.
     */
    private List<RankedEntry> fuse(List<RankedEntry> byWords, List<String> byMeaning, byte[] question,
                                   SearchQuery query, int limit) {
        Map<String, RankedEntry> lexical = new HashMap<>();
        byWords.forEach(r -> lexical.putIfAbsent(r.entry().id(), r));
        // The meaning first: it breaks ties, being the better single ranking on every group but the misheard one.
        List<String> fused = RankFusion.fuse(List.of(byMeaning, byWords.stream().map(r -> r.entry().id()).toList()));
        List<RankedEntry> ranked = new ArrayList<>(limit);
        for (String id : fused) {
            if (ranked.size() == limit) {
                break;
            }
            double similarity = vectors.similarity(id, question);
            RankedEntry byWord = lexical.get(id);
            if (byWord != null) {
                ranked.add(new RankedEntry(byWord.entry(), byWord.score(), byWord.coverage(), similarity));
            } else {
                knowledgeBase.find(id).ifPresent(entry -> ranked.add(
                        new RankedEntry(entry, 0f, coverage(id, query), similarity)));
            }
        }
        return ranked;
    }

    /** Whether questions are also ranked by meaning. */
    public boolean ranksByMeaning() {
        return embedder != null;
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
        List<String> counted = !QuestionFocus.isStory(query.words().size()) ? query.words()
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
