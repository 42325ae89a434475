package org.bianmin.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bianmin.knowledge.search.IndexedEntry;
import org.bianmin.knowledge.search.SearchField;

/**
 * A knowledge base of any size built from the real one: each synthetic entry copies a real entry's fields and
 * replaces a third of its tokens with tokens drawn from the whole vocabulary, so field lengths and term
 * statistics stay realistic while documents stay distinct. Its sentence vectors are the real entry's, each
 * component moved by a small random amount, so the HNSW graph holds distinct points near real ones (exact copies
 * would make a graph of duplicates no real knowledge base has). Deterministic (fixed seed).
 */
final class SyntheticEntries {

    private SyntheticEntries() {
    }

    static List<IndexedEntry> grow(List<IndexedEntry> real, int size) {
        if (size <= real.size()) {
            return real.subList(0, size);
        }
        // words replace words and pinyin pairs replace pinyin pairs
        Map<SearchField.Tokens, List<String>> vocabulary = new EnumMap<>(SearchField.Tokens.class);
        for (IndexedEntry entry : real) {
            for (SearchField field : SearchField.values()) {
                for (String token : entry.field(field).split(" ")) {
                    if (!token.isEmpty()) {
                        vocabulary.computeIfAbsent(field.tokens(), k -> new ArrayList<>()).add(token);
                    }
                }
            }
        }
        Random random = new Random(20261121L);
        List<IndexedEntry> entries = new ArrayList<>(real);
        for (int i = real.size(); i < size; i++) {
            IndexedEntry base = real.get(i % real.size());
            Map<SearchField, String> fields = new EnumMap<>(SearchField.class);
            for (SearchField field : SearchField.values()) {
                String[] tokens = base.field(field).split(" ");
                List<String> kind = vocabulary.getOrDefault(field.tokens(), List.of());
                for (int t = 0; t < tokens.length; t++) {
                    if (random.nextInt(3) == 0 && !kind.isEmpty()) {
                        tokens[t] = kind.get(random.nextInt(kind.size()));
                    }
                }
                fields.put(field, String.join(" ", tokens));
            }
            // The base entry's id: hits still resolve to a real entry, so the whole answer path is measured.
            List<byte[]> vectors = new ArrayList<>(base.vectors().size());
            for (byte[] vector : base.vectors()) {
                byte[] moved = vector.clone();
                for (int c = 0; c < moved.length; c++) {
                    moved[c] = (byte) Math.max(-127, Math.min(127, moved[c] + (int) Math.round(random.nextGaussian() * 12)));
                }
                vectors.add(moved);
            }
            entries.add(new IndexedEntry(base.id(), base.title(), base.domain(), base.category(), fields, vectors));
        }
        return entries;
    }
}
