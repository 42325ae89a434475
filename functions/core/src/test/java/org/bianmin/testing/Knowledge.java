package org.bianmin.testing;

import java.util.List;
import org.bianmin.knowledge.KnowledgeSearch;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.application.KnowledgeBase;
import org.bianmin.knowledge.application.KnowledgeBaseLoader;
import org.bianmin.knowledge.embedding.BgeSmallZhEmbedder;
import org.bianmin.knowledge.embedding.SentenceEmbedder;
import org.bianmin.knowledge.embedding.ShippedEntryVectors;
import org.bianmin.knowledge.infrastructure.ElasticsearchKnowledgeIndex;
import org.bianmin.knowledge.infrastructure.LuceneKnowledgeIndex;
import org.bianmin.knowledge.search.EntryVectors;
import org.bianmin.knowledge.search.IndexedEntry;

/**
 * The shipped knowledge base on each engine, built once per test JVM, ranked as the functions rank it: by words and
 * by meaning, with the entry vectors shipped in the jar.
 */
public final class Knowledge {

    public static final KnowledgeBase BASE = new KnowledgeBaseLoader().load();
    public static final ChineseAnalyzer ANALYZER = ChineseAnalyzer.withDefaultResources();
    private static SentenceEmbedder embedder;
    private static List<IndexedEntry> indexed;
    private static KnowledgeSearch lucene;
    private static KnowledgeSearch elasticsearch;

    private Knowledge() {
    }

    /** The sentence model, loaded once per test JVM. */
    public static synchronized SentenceEmbedder embedder() {
        if (embedder == null) {
            embedder = new BgeSmallZhEmbedder();
        }
        return embedder;
    }

    /** The shipped entries, analyzed, with their shipped vectors. */
    public static synchronized List<IndexedEntry> indexedEntries() {
        if (indexed == null) {
            EntryVectors vectors = ShippedEntryVectors.load(BASE.entries(), BgeSmallZhEmbedder.MODEL, Knowledge::embedder);
            indexed = IndexedEntry.analyzeAll(BASE.entries(), ANALYZER).stream()
                    .map(e -> e.withVectors(vectors.of(e.id()))).toList();
        }
        return indexed;
    }

    public static synchronized KnowledgeSearch lucene() {
        if (lucene == null) {
            lucene = new KnowledgeSearch(BASE, ANALYZER, new LuceneKnowledgeIndex(), indexedEntries(), embedder());
            lucene.rebuildIndex();
        }
        return lucene;
    }

    /** The same entries in the real Elasticsearch test node, under the alias {@code knowledge-test}. */
    public static synchronized KnowledgeSearch elasticsearch() {
        if (elasticsearch == null) {
            elasticsearch = new KnowledgeSearch(BASE, ANALYZER,
                    new ElasticsearchKnowledgeIndex(ElasticsearchTestNode.client(), "knowledge-test", 0),
                    indexedEntries(), embedder());
            elasticsearch.rebuildIndex();
        }
        return elasticsearch;
    }
}
