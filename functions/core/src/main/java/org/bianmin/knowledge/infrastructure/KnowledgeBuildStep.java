package org.bianmin.knowledge.infrastructure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.application.KnowledgeBase;
import org.bianmin.knowledge.application.KnowledgeBaseLoader;
import org.bianmin.knowledge.embedding.EntryVectorsBuilder;
import org.bianmin.knowledge.embedding.ShippedEntryVectors;
import org.bianmin.knowledge.search.EntryVectors;
import org.bianmin.knowledge.search.IndexedEntry;
import org.bianmin.knowledge.search.ShippedAnalyzedEntries;

/**
 * Build step (Maven, process-classes): the entries' sentence vectors ({@link ShippedEntryVectors#RESOURCE}), their
 * analysis ({@link ShippedAnalyzedEntries}) and the embedded engine's index of them ({@link ShippedIndex}), written
 * into the classes directory so the jar ships all three and start-up neither embeds nor analyzes the knowledge base
 * nor builds its HNSW graph. Each is rewritten only when the entries,
 * analysis files or model changed. Argument: the classes directory.
 */
public final class KnowledgeBuildStep {

    private KnowledgeBuildStep() {
    }

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        KnowledgeBase knowledgeBase = new KnowledgeBaseLoader().load();
        EntryVectors vectors = EntryVectorsBuilder.build(knowledgeBase, classes.resolve(ShippedEntryVectors.RESOURCE));
        long start = System.nanoTime();
        ChineseAnalyzer analyzer = ChineseAnalyzer.withDefaultResources();
        List<IndexedEntry> analyzed = IndexedEntry.analyzeAll(knowledgeBase.entries(), analyzer);
        ShippedAnalyzedEntries.write(List.copyOf(knowledgeBase.entries()), analyzed, analyzer,
                classes.resolve(ShippedAnalyzedEntries.RESOURCE));
        List<IndexedEntry> entries = analyzed.stream().map(e -> e.withVectors(vectors.of(e.id()))).toList();
        Path output = classes.resolve(ShippedIndex.DIRECTORY);
        if (ShippedIndex.isCurrent(output, IndexedEntry.fingerprint(entries))) {
            System.out.println("knowledge index up to date: " + output);
        } else {
            ShippedIndex.write(entries, output);
            System.out.printf("knowledge index written: %d entries in %d ms to %s%n", entries.size(),
                    (System.nanoTime() - start) / 1_000_000, output);
        }
        analyzer.close();
    }
}
