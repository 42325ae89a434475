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
 * statistics stay realistic while documents stay distinct. Deterministic (fixed seed).
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
            entries.add(new IndexedEntry(base.id(), base.title(), base.domain(), base.category(), fields));
        }
        return entries;
    }
}
