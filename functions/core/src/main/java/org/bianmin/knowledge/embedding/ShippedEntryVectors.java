package org.bianmin.knowledge.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bianmin.knowledge.model.KnowledgeEntry;
import org.bianmin.knowledge.search.EntryVectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entries' vectors as computed at build time ({@link EntryVectorsBuilder}) and shipped in the jar, so that
 * start-up does not embed the knowledge base (about 3,300 sentences, some 15 s on two cores). An entry whose texts
 * changed since the build (its fingerprint differs) is embedded again at start-up, with a warning: a rebuild of the
 * jar puts it back in the file.
 */
public final class ShippedEntryVectors {

    public static final String RESOURCE = "knowledge/entry-vectors.bin";
    private static final Logger log = LoggerFactory.getLogger(ShippedEntryVectors.class);

    private ShippedEntryVectors() {
    }

    /** The shipped vectors of these entries, with stale or missing ones computed by the model. */
    public static EntryVectors load(Collection<KnowledgeEntry> entries, String model, Supplier<SentenceEmbedder> embedder) {
        return complete(entries, model, read(), embedder);
    }

    /** The file in the jar, or none. */
    static EntryVectors read() {
        try (InputStream in = ShippedEntryVectors.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? EntryVectors.none() : EntryVectors.read(new java.io.BufferedInputStream(in, 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The vectors of exactly these entries: reused where the fingerprint matches, embedded otherwise. */
    public static EntryVectors complete(Collection<KnowledgeEntry> entries, String model, EntryVectors known,
                                        Supplier<SentenceEmbedder> embedder) {
        Map<String, EntryVectors.Vectors> byEntry = new LinkedHashMap<>();
        List<String> embedded = new ArrayList<>();
        for (KnowledgeEntry entry : entries) {
            String fingerprint = EntryTexts.fingerprint(entry, model);
            EntryVectors.Vectors vectors = known.byEntry().get(entry.id());
            if (vectors == null || !vectors.fingerprint().equals(fingerprint)) {
                SentenceEmbedder now = embedder.get();
                vectors = new EntryVectors.Vectors(fingerprint,
                        EntryTexts.of(entry).stream().map(t -> EntryVectors.quantize(now.embed(t))).toList());
                embedded.add(entry.id());
            }
            byEntry.put(entry.id(), vectors);
        }
        if (!embedded.isEmpty() && !known.isEmpty()) {
            log.warn("{} entries changed since the build and were embedded now: {}", embedded.size(),
                    embedded.size() > 10 ? embedded.subList(0, 10) + "..." : embedded);
        }
        int dimensions = byEntry.values().stream().flatMap(v -> v.vectors().stream()).findFirst().map(v -> v.length).orElse(0);
        return new EntryVectors(dimensions, byEntry);
    }
}
