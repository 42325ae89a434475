package org.bianmin.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.application.KnowledgeBase;
import org.bianmin.knowledge.application.KnowledgeBaseLoader;
import org.bianmin.knowledge.embedding.BgeSmallZhEmbedder;
import org.bianmin.knowledge.embedding.SentenceEmbedder;
import org.bianmin.knowledge.embedding.ShippedEntryVectors;
import org.bianmin.knowledge.search.EntryVectors;
import org.bianmin.knowledge.KnowledgeSearch;
import org.bianmin.knowledge.infrastructure.LuceneKnowledgeIndex;
import org.bianmin.knowledge.search.IndexedEntry;
import org.bianmin.knowledge.RankedEntry;
import org.bianmin.knowledge.search.SearchField;
import org.bianmin.testing.EvaluationGroups;
import org.bianmin.testing.EvaluationSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process knowledge search latency (p50/p99 from SampleTime) at the shipped size and at 50,000 synthetic
 * entries: the shipped path (the ranking by words, then words and pinyin when the words leave the question mostly
 * uncovered, fused with the ranking by meaning: the question embedded by bge-small-zh and the HNSW neighbours),
 * beside the previous path without meaning ({@code wordsAndSounds}), the path before pinyin ({@code wordsOnly}),
 * the sentence model alone ({@code embedQuestion}), and the floor, a raw Lucene query of the word fields on
 * pre-analyzed tokens, with no analysis and no coverage computation. Queries cycle through the 180 evaluation
 * questions and the 190 grouped ones (misheard, stories, dialect, two in one), so the pinyin pass runs as often as
 * callers' text needs it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class KnowledgeSearchBenchmark {

    @Param({"shipped", "50000"})
    public String entries;

    private KnowledgeSearch search;
    private KnowledgeSearch withoutMeaning;
    private SentenceEmbedder embedder;
    private IndexSearcher rawSearcher;
    private List<String> questions;
    private List<Query> rawQueries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ChineseAnalyzer analyzer = ChineseAnalyzer.withDefaultResources();
        KnowledgeBase knowledgeBase = new KnowledgeBaseLoader().load();
        embedder = new BgeSmallZhEmbedder();
        EntryVectors vectors = ShippedEntryVectors.load(knowledgeBase.entries(), BgeSmallZhEmbedder.MODEL, () -> embedder);
        List<IndexedEntry> analyzed = IndexedEntry.analyzeAll(knowledgeBase.entries(), analyzer).stream()
                .map(e -> e.withVectors(vectors.of(e.id()))).toList();
        KnowledgeSearch shipped = new KnowledgeSearch(knowledgeBase, analyzer, new LuceneKnowledgeIndex(), analyzed);
        List<IndexedEntry> documents = entries.equals("shipped")
                ? analyzed
                : SyntheticEntries.grow(analyzed, Integer.parseInt(entries));
        LuceneKnowledgeIndex index = new LuceneKnowledgeIndex();
        long start = System.nanoTime();
        if (entries.equals("shipped")) {
            index.rebuild(documents);
        } else {
            // Building the HNSW graph of a synthetic base takes minutes: it is kept between runs (same entries, same
            // files), so that each run measures the search rather than waits for its index.
            index.openKept(documents, keptIndex(documents.size()));
        }
        System.out.printf("%n%d entries indexed or opened with their vectors in %d ms%n", documents.size(),
                (System.nanoTime() - start) / 1_000_000);
        // the shipped entries give the coverage statistics and the vectors the candidates are ordered by; the index
        // holds the documents of this size
        search = new KnowledgeSearch(knowledgeBase, analyzer, index, analyzed, embedder);
        withoutMeaning = new KnowledgeSearch(knowledgeBase, analyzer, index, analyzed);
        questions = java.util.stream.Stream.concat(EvaluationSet.load().stream().map(EvaluationSet.Question::text),
                EvaluationGroups.load().stream().map(EvaluationGroups.Question::text)).toList();
        rawQueries = questions.stream().map(q -> rawQuery(shipped.analyze(q))).toList();
        rawSearcher = rawIndex(documents);
    }

    /** Where a synthetic base's index is kept: {@code -Dbianmin.bench.index.dir}, by default the temporary directory. */
    private static java.nio.file.Path keptIndex(int size) {
        String parent = System.getProperty("bianmin.bench.index.dir", System.getProperty("java.io.tmpdir"));
        return java.nio.file.Path.of(parent, "bianmin-knowledge-index-" + size);
    }

    @Benchmark
    public List<RankedEntry> knowledgeSearch() {
        return search.search(questions.get(next++ % questions.size()), 5);
    }

    /** The previous shipped path: words, and sounds when the words leave the question mostly uncovered; no meaning. */
    @Benchmark
    public List<RankedEntry> wordsAndSounds() {
        return withoutMeaning.search(questions.get(next++ % questions.size()), 5);
    }

    /** The sentence model alone: where the time of the ranking by meaning goes. */
    @Benchmark
    public float[] embedQuestion() {
        return embedder.embed(questions.get(next++ % questions.size()));
    }

    /** The path before pinyin: the question's words, ranked and covered by words only. */
    @Benchmark
    public List<RankedEntry> wordsOnly() {
        String question = questions.get(next++ % questions.size());
        return search.searchTokens(search.analyze(question), 5);
    }

    @Benchmark
    public TopDocs rawLuceneFloor() throws Exception {
        return rawSearcher.search(rawQueries.get(next++ % rawQueries.size()), 5);
    }

    private static Query rawQuery(List<String> tokens) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (String token : tokens) {
            for (SearchField field : SearchField.wordFields()) {
                builder.add(new BoostQuery(new TermQuery(new Term(field.fieldName(), token)), field.boost()),
                        BooleanClause.Occur.SHOULD);
            }
        }
        return builder.build();
    }

    private static IndexSearcher rawIndex(List<IndexedEntry> documents) throws Exception {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (IndexedEntry entry : documents) {
                Document document = new Document();
                document.add(new StringField("id", entry.id(), Field.Store.YES));
                for (SearchField field : SearchField.values()) {
                    document.add(new TextField(field.fieldName(), entry.field(field), Field.Store.NO));
                }
                writer.addDocument(document);
            }
            writer.forceMerge(1);
        }
        return new IndexSearcher(DirectoryReader.open(directory));
    }
}
