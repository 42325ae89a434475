package org.bianmin.knowledge.infrastructure;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.application.KnowledgeBase;
import org.bianmin.knowledge.application.KnowledgeBaseLoader;
import org.bianmin.knowledge.embedding.BgeSmallZhEmbedder;
import org.bianmin.knowledge.embedding.SentenceEmbedder;
import org.bianmin.knowledge.embedding.ShippedEntryVectors;
import org.bianmin.knowledge.search.EntryVectors;
import org.bianmin.knowledge.search.IndexedEntry;
import org.bianmin.knowledge.search.ShippedAnalyzedEntries;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;

/**
 * Cold-start optimisation: the knowledge base is loaded and analyzed on a daemon thread from the moment the
 * application starts, while Spring builds the rest of the context on the main thread. Loading and validating the
 * entries, reading their build-time analysis ({@link ShippedAnalyzedEntries}) and vectors is taken off the critical
 * path this way. The beans in {@link KnowledgeConfiguration} wait for the result (or compute it
 * themselves when no Spring application started the preload, as in plain unit tests), and share the shipped index
 * the preload opens right after. Functions that never touch knowledge do not preload
 * ({@link #FUNCTIONS_USING_KNOWLEDGE}).
 *
 * <p>The sentence model (bge-small-zh, about 24 MB of weights and the ONNX runtime's native library) loads on a
 * second thread beside both, and only a question waits for it; the entries' vectors come from the jar
 * ({@link ShippedEntryVectors}), so nothing is embedded at start-up. {@code bianmin.knowledge.embeddings=false}
 * (system property or {@code BIANMIN_KNOWLEDGE_EMBEDDINGS}) ranks by words only and loads no model.
 */
public final class KnowledgePreloader implements SpringApplicationRunListener {

    /** The analyzed knowledge base, shared by the analyzer, knowledge-base and search beans. */
    public record Preloaded(ChineseAnalyzer analyzer, KnowledgeBase knowledgeBase, List<IndexedEntry> indexedEntries,
                            SentenceEmbedder embedder) {
    }

    private static volatile CompletableFuture<Preloaded> preload;
    private static volatile CompletableFuture<SentenceEmbedder> model;
    private static volatile CompletableFuture<Optional<LuceneKnowledgeIndex>> shippedIndex;

    public KnowledgePreloader(SpringApplication application, String[] args) {
        // required constructor signature for run listeners
    }

    /**
     * The Lambda functions whose beans use the knowledge base or the analyzer; the others (the staff API, scheduled
     * jobs, approval, device registry ...) never load it. TemplateTest holds this set to what each function's beans
     * actually create, so it cannot drift from the code.
     */
    public static final Set<String> FUNCTIONS_USING_KNOWLEDGE = Set.of("inquiryApi", "knowledgeReindex", "hotlineApi",
            "hotSpotClustering");

    /**
     * Whether a context for {@code functionDefinition} preloads: every function that uses knowledge, and any context
     * without a function definition (the local runtime, which serves all of them).
     */
    public static boolean preloads(String functionDefinition) {
        return functionDefinition == null || functionDefinition.isBlank()
                || FUNCTIONS_USING_KNOWLEDGE.contains(functionDefinition);
    }

    @Override
    public void starting(ConfigurableBootstrapContext bootstrapContext) {
        String definition = System.getProperty("spring.cloud.function.definition",
                System.getenv("SPRING_CLOUD_FUNCTION_DEFINITION"));
        if (preloads(definition)) {
            start();
        }
    }

    static synchronized void start() {
        if (preload == null) {
            model = new CompletableFuture<>();
            preload = new CompletableFuture<>();
            shippedIndex = new CompletableFuture<>();
            if (embeddingsEnabled()) {
                daemon("knowledge-model", () -> completeWith(model, KnowledgePreloader::loadModel));
            } else {
                model.complete(null);
            }
            daemon("knowledge-preload", () -> {
                if (!completeWith(preload, KnowledgePreloader::load)) {
                    shippedIndex.complete(Optional.empty());
                } else if (completeWith(shippedIndex, () -> openShipped(preload.join()))) {
                    shippedIndex.join().ifPresent(index -> warmUp(preload.join(), index));
                }
            });
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Completes {@code result} with what {@code work} gives or with its failure, which is also logged here. */
    private static <T> boolean completeWith(CompletableFuture<T> result, Callable<T> work) {
        try {
            result.complete(work.call());
            return true;
        } catch (Throwable e) {
            LoggerFactory.getLogger(KnowledgePreloader.class).error("knowledge preload failed on {}",
                    Thread.currentThread().getName(), e);
            result.completeExceptionally(e);
            return false;
        }
    }

    static boolean embeddingsEnabled() {
        String setting = System.getProperty("bianmin.knowledge.embeddings", System.getenv("BIANMIN_KNOWLEDGE_EMBEDDINGS"));
        return setting == null || !setting.equalsIgnoreCase("false");
    }

    /** The preloaded knowledge; starts loading now if nothing started it. A broken entry fails here, loudly. */
    static Preloaded get() {
        start();
        return preload.join();
    }

    /**
     * The index built at build time, opened once per JVM for every context to share
     * ({@link LuceneKnowledgeIndex#openSameAs}); empty when it was built from other entries or analysis files.
     */
    static Optional<LuceneKnowledgeIndex> shippedIndex() {
        start();
        return shippedIndex.join();
    }

    private static Optional<LuceneKnowledgeIndex> openShipped(Preloaded preloaded) {
        LuceneKnowledgeIndex index = new LuceneKnowledgeIndex();
        return index.openShipped(preloaded.indexedEntries()) ? Optional.of(index) : Optional.empty();
    }

    /**
     * The model's first question, on its own thread before anyone waits for it: the first run of a session allocates
     * the ONNX runtime's buffers and takes the tokenizer's native path for the first time, which otherwise fell to
     * the first citizen, on top of a search warming up beside it. Best effort: a failure here is logged, not raised
     * (the same failure comes back with the first question that needs the model).
     */
    private static SentenceEmbedder loadModel() {
        long start = System.nanoTime();
        SentenceEmbedder embedder = new BgeSmallZhEmbedder();
        long loaded = System.nanoTime();
        try {
            embedder.embed(WARM_UP_QUESTION);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(KnowledgePreloader.class).warn("sentence model warm-up failed: {}", e.toString());
        }
        LoggerFactory.getLogger(KnowledgePreloader.class).info("sentence model loaded in {} ms, first question {} ms",
                (loaded - start) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000);
        return embedder;
    }

    /**
     * One question through a search of the shipped index by words, and one look-up of the nearest vectors, on the
     * preload's thread while the model is still loading and Spring is still starting: the first search of a JVM loads
     * Lucene's scorers and HNSW search, the question's analysis and the pinyin dictionary, which cost the first
     * citizen about half a second of a cold start. It holds up nobody: the beans already have the knowledge and the
     * index, and the model warms up on its own thread ({@link #loadModel}). Best effort: a failure here only leaves
     * that cost where it was, so it is logged, not raised.
     */
    private static void warmUp(Preloaded preloaded, LuceneKnowledgeIndex index) {
        long start = System.nanoTime();
        try {
            new org.bianmin.knowledge.KnowledgeSearch(preloaded.knowledgeBase(), preloaded.analyzer(), index,
                    preloaded.indexedEntries(), null).search(WARM_UP_QUESTION, 3);
            preloaded.indexedEntries().stream().filter(e -> !e.vectors().isEmpty()).findFirst()
                    .ifPresent(e -> index.nearest(e.vectors().get(0), 3));
            // the pinyin dictionary (HanLP's, about 0.4 s) loads at its first use: a question this one's words
            // cover well never reaches the sounds, a misheard one would pay for it
            preloaded.analyzer().pinyinText(WARM_UP_QUESTION);
            LoggerFactory.getLogger(KnowledgePreloader.class).info("knowledge search warmed up in {} ms",
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(KnowledgePreloader.class).warn("knowledge search warm-up failed: {}", e.toString());
        }
    }

    /** Any ordinary question does; this one matches an entry by words and by meaning. */
    private static final String WARM_UP_QUESTION = "居住证怎么办理";

    private static Preloaded load() {
        long start = System.nanoTime();
        ChineseAnalyzer analyzer = ChineseAnalyzer.withDefaultResources();
        KnowledgeBase knowledgeBase = new KnowledgeBaseLoader().load();
        List<IndexedEntry> analyzed = ShippedAnalyzedEntries.analyze(knowledgeBase.entries(), analyzer).entries();
        if (embeddingsEnabled()) {
            EntryVectors vectors = ShippedEntryVectors.load(knowledgeBase.entries(), BgeSmallZhEmbedder.MODEL, model::join);
            analyzed = analyzed.stream().map(e -> e.withVectors(vectors.of(e.id()))).toList();
        }
        LoggerFactory.getLogger(KnowledgePreloader.class).info("knowledge base loaded: {} entries in {} ms",
                analyzed.size(), (System.nanoTime() - start) / 1_000_000);
        // The model is waited for at the first question that needs it, not here: the beans, the index and the
        // question's words are ready while it still loads.
        SentenceEmbedder embedder = embeddingsEnabled() ? text -> model.join().embed(text) : null;
        return new Preloaded(analyzer, knowledgeBase, analyzed, embedder);
    }
}
