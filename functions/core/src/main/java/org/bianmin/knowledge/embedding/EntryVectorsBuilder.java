package org.bianmin.knowledge.embedding;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bianmin.knowledge.application.KnowledgeBase;
import org.bianmin.knowledge.application.KnowledgeBaseLoader;
import org.bianmin.knowledge.search.EntryVectors;

/**
 * Build step (Maven, process-classes): embeds every entry's ways of asking and writes
 * {@link ShippedEntryVectors#RESOURCE} into the classes directory, reusing the vectors of entries that did not
 * change since the last build. Argument: the output file.
 */
public final class EntryVectorsBuilder {

    private EntryVectorsBuilder() {
    }

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args[0]);
        long start = System.nanoTime();
        KnowledgeBase knowledgeBase = new KnowledgeBaseLoader().load();
        EntryVectors previous = EntryVectors.none();
        if (Files.exists(output)) {
            try (InputStream in = Files.newInputStream(output)) {
                previous = EntryVectors.read(new java.io.BufferedInputStream(in));
            } catch (IOException e) {
                previous = EntryVectors.none();
            }
        }
        SentenceEmbedder[] model = new SentenceEmbedder[1];
        EntryVectors vectors = ShippedEntryVectors.complete(knowledgeBase.entries(), BgeSmallZhEmbedder.MODEL, previous,
                () -> model[0] == null ? model[0] = new BgeSmallZhEmbedder() : model[0]);
        if (model[0] == null && vectors.byEntry().keySet().equals(previous.byEntry().keySet())) {
            System.out.println("entry vectors up to date: " + output);
            return;
        }
        Files.createDirectories(output.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
            vectors.write(out);
        }
        long vectorCount = vectors.byEntry().values().stream().mapToLong(v -> v.vectors().size()).sum();
        System.out.printf("entry vectors written: %d entries, %d vectors in %d ms to %s%n", vectors.byEntry().size(),
                vectorCount, (System.nanoTime() - start) / 1_000_000, output);
    }
}
