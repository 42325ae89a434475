package org.bianmin.knowledge.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnByteVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnByteVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.bianmin.knowledge.search.IndexHealth;
import org.bianmin.knowledge.search.IndexedEntry;
import org.bianmin.knowledge.search.KnowledgeIndex;
import org.bianmin.knowledge.search.SearchField;
import org.bianmin.knowledge.search.SearchHit;
import org.bianmin.knowledge.search.SearchQuery;

/**
 * The embedded engine: an in-memory Lucene index of the pre-analyzed entries. Rebuilding writes a new
 * directory and swaps the searcher in one volatile write, so queries never see a half-built index.
 *
 * <p>Each sentence vector of an entry is a document of its own beside the entry's (the entry's id in
 * {@link #VECTOR_OF}, the bytes in an HNSW field), as in the Elasticsearch index: Lucene 9 holds one vector per
 * document. Vector documents have none of the text fields, so they neither match a word query nor change BM25's
 * per-field statistics.
 */
public final class LuceneKnowledgeIndex implements KnowledgeIndex {

    static final String ID = "id";
    static final String VECTOR = "vector";
    static final String VECTOR_OF = "entry";

    private volatile Generation current;

    /**
     * One opened index. {@code entryOf} maps every document (entry or vector) to its entry id, read once at open:
     * reading stored fields per hit decompresses a block each time, which cost about 10 ms for the 100 nearest
     * vectors of a question (measured, docs/benchmarks.md 1b); an array lookup costs nothing.
     */
    private record Generation(ByteBuffersDirectory directory, DirectoryReader reader, IndexSearcher searcher,
                              String[] entryOf) {
    }

    private static String[] entryOf(DirectoryReader reader) throws IOException {
        String[] entryOf = new String[reader.maxDoc()];
        StoredFields storedFields = reader.storedFields();
        for (int doc = 0; doc < entryOf.length; doc++) {
            Document document = storedFields.document(doc, java.util.Set.of(ID, VECTOR_OF));
            String id = document.get(ID);
            entryOf[doc] = id != null ? id : document.get(VECTOR_OF);
        }
        return entryOf;
    }

    @Override
    public void rebuild(List<IndexedEntry> entries) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        write(entries, directory);
        open(directory);
    }

    /**
     * Writes the index of these entries into a directory: one segment, no merging, the entries in id order. Lucene
     * breaks ties in score by document number, so with the entries in id order its plain top-k is the order both
     * engines promise (score, then id; the Elasticsearch adapter sorts so) while letting Lucene skip the documents
     * that cannot reach the top (block-max scoring). A sort on score then id would score every matching document:
     * at 50,000 entries that was most of a question's time (docs/benchmarks.md 1e).
     */
    static void write(List<IndexedEntry> entries, Directory directory) {
        // A buffer large enough for the whole knowledge base: one segment, no merging at start-up.
        IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer()).setSimilarity(new BM25Similarity())
                .setRAMBufferSizeMB(256);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            // The vectors first, in the entries' order: the HNSW graph is built in the order its vectors arrive, and
            // it is approximate, so another order gives other neighbours for a few questions (measured: one of 370
            // then ranked differently from Elasticsearch's graph). Then the entries, in id order.
            for (IndexedEntry entry : entries) {
                for (byte[] vector : entry.vectors()) {
                    writer.addDocument(vectorDocument(entry.id(), vector));
                }
            }
            for (IndexedEntry entry : inIdOrder(entries)) {
                writer.addDocument(document(entry));
            }
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the knowledge index", e);
        }
    }

    private static List<IndexedEntry> inIdOrder(List<IndexedEntry> entries) {
        List<IndexedEntry> ordered = new ArrayList<>(entries);
        ordered.sort(java.util.Comparator.comparing(IndexedEntry::id));
        return ordered;
    }

    /**
     * Opens the index built at build time ({@link ShippedIndex}) when it was built from exactly these entries (same
     * fingerprint): start-up then copies a few megabytes instead of indexing and building the HNSW graph. False when
     * there is none or it is stale; the caller rebuilds.
     */
    public boolean openShipped(List<IndexedEntry> entries) {
        return ShippedIndex.read(IndexedEntry.fingerprint(entries)).map(directory -> {
            open(directory);
            return true;
        }).orElse(false);
    }

    /**
     * Opens the index kept in {@code directory} when it was written from exactly these entries, after writing it
     * there when it was not: for an index too large to build at each start (the 50,000-entry benchmark's HNSW graph
     * of 350,000 vectors takes minutes to build).
     */
    public void openKept(List<IndexedEntry> entries, java.nio.file.Path directory) {
        try {
            if (!ShippedIndex.isCurrent(directory, IndexedEntry.fingerprint(entries))) {
                ShippedIndex.write(entries, directory);
            }
            open(ShippedIndex.copy(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the knowledge index in " + directory, e);
        }
    }

    /**
     * Opens the index {@code other} has open, sharing its reader: nothing is read, copied or decoded again. Every
     * context of a JVM shares the shipped index the preload opened this way ({@link KnowledgePreloader}); each holds
     * its own reference, so closing one, or rebuilding it, leaves the others as they were. False when {@code other}
     * has none open.
     */
    public boolean openSameAs(LuceneKnowledgeIndex other) {
        Generation generation = other.current;
        if (generation == null || !generation.reader.tryIncRef()) {
            return false;
        }
        swap(generation);
        return true;
    }

    private void open(ByteBuffersDirectory directory) {
        try {
            DirectoryReader reader = DirectoryReader.open(directory);
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(new BM25Similarity());
            swap(new Generation(directory, reader, searcher, entryOf(reader)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the knowledge index", e);
        }
    }

    /** Makes {@code next} current (none: closed) and gives up this index's reference to the previous one. */
    private void swap(Generation next) {
        Generation previous = current;
        current = next;
        if (previous != null) {
            // In-flight searches hold their own reference; Lucene readers stay valid until closed,
            // and a search on a closed reader fails fast, so close only after the swap.
            try {
                previous.reader.decRef();
            } catch (IOException ignored) {
                // in memory
            }
        }
    }

    @Override
    public List<SearchHit> search(SearchQuery searchQuery, int limit) {
        Generation generation = current;
        if (generation == null || searchQuery.isEmpty() || limit <= 0) {
            return List.of();
        }
        if (!generation.reader.tryIncRef()) {
            return search(searchQuery, limit);
        }
        try {
            // the top-k counts no more hits than it returns, so that the scorers may skip (see write)
            TopDocs top = generation.searcher.search(query(searchQuery), new TopScoreDocCollectorManager(limit, null, limit));
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc doc : top.scoreDocs) {
                hits.add(new SearchHit(generation.entryOf[doc.doc], doc.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("knowledge search failed", e);
        } finally {
            try {
                generation.reader.decRef();
            } catch (IOException ignored) {
                // the reader is in memory; nothing to release
            }
        }
    }

    @Override
    public List<String> nearest(byte[] vector, int k) {
        Generation generation = current;
        if (generation == null || k <= 0) {
            return List.of();
        }
        if (!generation.reader.tryIncRef()) {
            return nearest(vector, k);
        }
        try {
            TopDocs top = generation.searcher.search(new KnnByteVectorQuery(VECTOR, vector, k), k);
            List<String> entries = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc doc : top.scoreDocs) {
                entries.add(generation.entryOf[doc.doc]);
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("knowledge vector search failed", e);
        } finally {
            try {
                generation.reader.decRef();
            } catch (IOException ignored) {
                // in memory
            }
        }
    }

    /**
     * Every (field, token) pair as a boosted SHOULD clause, the word fields with the words and the pinyin field
     * with the pinyin pairs: the same shape the Elasticsearch adapter sends.
     */
    static Query query(SearchQuery searchQuery) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (SearchField field : SearchField.values()) {
            for (String token : new LinkedHashSet<>(searchQuery.tokensFor(field))) {
                Query term = new TermQuery(new Term(field.fieldName(), token));
                builder.add(new BoostQuery(term, searchQuery.boost(field, token)), BooleanClause.Occur.SHOULD);
            }
        }
        return builder.build();
    }

    private static Document document(IndexedEntry entry) {
        Document document = new Document();
        document.add(new StringField(ID, entry.id(), Field.Store.YES));
        document.add(new SortedDocValuesField(ID, new BytesRef(entry.id())));
        document.add(new StoredField("title_display", entry.title()));
        for (SearchField field : SearchField.values()) {
            document.add(new TextField(field.fieldName(), entry.field(field), Field.Store.NO));
        }
        return document;
    }

    private static Document vectorDocument(String entryId, byte[] vector) {
        Document document = new Document();
        document.add(new StoredField(VECTOR_OF, entryId));
        document.add(new KnnByteVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
        return document;
    }

    @Override
    public String engine() {
        return "lucene";
    }

    @Override
    public IndexHealth health() {
        Generation generation = current;
        return generation == null
                ? IndexHealth.down("index not built")
                : IndexHealth.up(entries(generation), "in-process");
    }

    /** The entry documents, not their vector documents. */
    private static long entries(Generation generation) {
        try {
            return generation.searcher.count(new FieldExistsQuery(ID));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        swap(null);
    }
}
