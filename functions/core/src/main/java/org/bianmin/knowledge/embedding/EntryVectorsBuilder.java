package org.bianmin.knowledge.embedding;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bianmin.knowledge.application.KnowledgeBase;
import org.bianmin.knowledge.search.EntryVectors;

/**
 * Part of the build step: embeds every entry's ways of asking and writes {@link ShippedEntryVectors#RESOURCE},
 * reusing the vectors of entries that did not change since the last build (the model loads only when one did).
 */
public final class EntryVectorsBuilder {

    private EntryVectorsBuilder() {
    }

    /** The vectors of every entry, written to {@code output} unless it already held exactly these. */
    public static EntryVectors build(KnowledgeBase knowledgeBase, Path output) throws IOException {
        long start = System.nanoTime();
        EntryVectors previous = EntryVectors.none();
        if (Files.exists(output)) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(output))) {
                previous = EntryVectors.read(in);
            } catch (IOException e) {
                previous = EntryVectors.none();
            }
        }
        SentenceEmbedder[] model = new SentenceEmbedder[1];
        EntryVectors vectors = ShippedEntryVectors.complete(knowledgeBase.entries(), BgeSmallZhEmbedder.MODEL, previous,
                () -> model[0] == null ? model[0] = new BgeSmallZhEmbedder() : model[0]);
        if (model[0] == null && vectors.byEntry().keySet().equals(previous.byEntry().keySet())) {
            System.out.println("entry vectors up to date: " + output);
            return vectors;
        }
        Files.createDirectories(output.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
            vectors.write(out);
        }
        long count = vectors.byEntry().values().stream().mapToLong(v -> v.vectors().size()).sum();
        System.out.printf("entry vectors written: %d entries, %d vectors in %d ms to %s%n", vectors.byEntry().size(),
                count, (System.nanoTime() - start) / 1_000_000, output);
        return vectors;
    }
}
