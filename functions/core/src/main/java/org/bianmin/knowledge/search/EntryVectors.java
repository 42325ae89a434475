package org.bianmin.knowledge.search;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.VectorUtil;

/**
 * The sentence vectors of the entries, one per way an entry is asked (its title, question and variants), as signed
 * bytes. Both engines index these bytes, and the ranking by meaning is computed here from them with integer dot
 * products, so Lucene and Elasticsearch order entries identically: an engine only says which entries are near.
 * An entry is as near as its nearest way of asking (the maximum cosine), which ranked the grouped questions better
 * than one vector of the joined texts or the mean of the vectors (docs/inquiry.md).
 */
public final class EntryVectors {

    /** One entry's vectors and the fingerprint of the texts and model they were computed from. */
    public record Vectors(String fingerprint, List<byte[]> vectors) {
        public Vectors {
            vectors = List.copyOf(vectors);
        }
    }

    private static final int FORMAT = 1;
    private static final EntryVectors NONE = new EntryVectors(0, Map.of());

    private final int dimensions;
    private final Map<String, Vectors> byEntry;

    public EntryVectors(int dimensions, Map<String, Vectors> byEntry) {
        this.dimensions = dimensions;
        this.byEntry = Collections.unmodifiableMap(new LinkedHashMap<>(byEntry));
    }

    public static EntryVectors none() {
        return NONE;
    }

    /**
     * A unit vector as bytes: scaled so its largest component is 127. Cosine does not depend on a vector's length, so
     * a scale per vector loses only the rounding (under 0.4% of each component).
     */
    public static byte[] quantize(float[] vector) {
        float max = 0;
        for (float v : vector) {
            max = Math.max(max, Math.abs(v));
        }
        byte[] bytes = new byte[vector.length];
        if (max == 0) {
            return bytes;
        }
        float scale = 127f / max;
        for (int i = 0; i < vector.length; i++) {
            bytes[i] = (byte) Math.round(vector[i] * scale);
        }
        return bytes;
    }

    /** The entry's nearest way of asking to the query: the maximum cosine, 0 for an entry without vectors. */
    public float similarity(String entryId, byte[] query) {
        Vectors vectors = byEntry.get(entryId);
        if (vectors == null) {
            return 0f;
        }
        float best = -1f;
        for (byte[] vector : vectors.vectors()) {
            best = Math.max(best, VectorUtil.cosine(query, vector));
        }
        return best;
    }

    /** These candidates ordered by similarity to the query, ties by id; each once, at most {@code limit}. */
    public List<String> rank(java.util.Collection<String> candidates, byte[] query, int limit) {
        Map<String, Float> scores = new LinkedHashMap<>();
        for (String id : candidates) {
            scores.computeIfAbsent(id, e -> similarity(e, query));
        }
        List<String> ranked = new ArrayList<>(scores.keySet());
        ranked.sort(Comparator.<String>comparingDouble(scores::get).reversed().thenComparing(Comparator.naturalOrder()));
        return ranked.subList(0, Math.min(limit, ranked.size()));
    }

    public List<byte[]> of(String entryId) {
        Vectors vectors = byEntry.get(entryId);
        return vectors == null ? List.of() : vectors.vectors();
    }

    public Map<String, Vectors> byEntry() {
        return byEntry;
    }

    public int dimensions() {
        return dimensions;
    }

    public boolean isEmpty() {
        return byEntry.isEmpty();
    }

    /** The binary file shipped in the jar: format, dimensions, then per entry its id, fingerprint and vectors. */
    public void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(FORMAT);
        data.writeInt(dimensions);
        data.writeInt(byEntry.size());
        for (Map.Entry<String, Vectors> entry : byEntry.entrySet()) {
            data.writeUTF(entry.getKey());
            data.writeUTF(entry.getValue().fingerprint());
            data.writeInt(entry.getValue().vectors().size());
            for (byte[] vector : entry.getValue().vectors()) {
                data.write(vector);
            }
        }
        data.flush();
    }

    public static EntryVectors read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int format = data.readInt();
        if (format != FORMAT) {
            throw new IOException("entry vectors of format " + format + ", expected " + FORMAT);
        }
        int dimensions = data.readInt();
        int entries = data.readInt();
        Map<String, Vectors> byEntry = new LinkedHashMap<>();
        for (int e = 0; e < entries; e++) {
            String id = data.readUTF();
            String fingerprint = data.readUTF();
            int count = data.readInt();
            List<byte[]> vectors = new ArrayList<>(count);
            for (int v = 0; v < count; v++) {
                byte[] vector = new byte[dimensions];
                data.readFully(vector);
                vectors.add(vector);
            }
            byEntry.put(id, new Vectors(fingerprint, vectors));
        }
        return new EntryVectors(dimensions, byEntry);
    }
}
