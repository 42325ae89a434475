package org.bianmin.knowledge.search;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.model.AnswerSection;
import org.bianmin.knowledge.model.KnowledgeEntry;

/**
 * An entry as both engines index it: its id plus, per {@link SearchField}, the analyzed tokens joined by
 * spaces, and its sentence vectors ({@link EntryVectors}; none when the index ranks by words only). Analysis
 * happens once, here, so both engines receive byte-identical token text.
 */
public record IndexedEntry(String id, String title, String domain, String category, Map<SearchField, String> fields,
                           List<byte[]> vectors) {

    public IndexedEntry {
        vectors = List.copyOf(vectors);
    }

    /** Without vectors. */
    public IndexedEntry(String id, String title, String domain, String category, Map<SearchField, String> fields) {
        this(id, title, domain, category, fields, List.of());
    }

    /** The same entry with these vectors. */
    public IndexedEntry withVectors(List<byte[]> vectors) {
        return new IndexedEntry(id, title, domain, category, fields, vectors);
    }

    /**
     * Everything of an entry that its analysis reads, and nothing else: {@link #of} analyzes exactly these texts,
     * and {@link ShippedAnalyzedEntries} reuses a build-time analysis only when they are unchanged.
     */
    public record AnalysisInput(String id, String title, String domain, String category, String questions,
                                String keywords, String answer, String sounds) {

        public static AnalysisInput of(KnowledgeEntry entry) {
            return new AnalysisInput(entry.id(), entry.title(), entry.domain().label(), entry.category(),
                    Stream.concat(Stream.of(entry.question()), entry.variants().stream())
                            .collect(Collectors.joining("\n")),
                    Stream.concat(Stream.of(entry.category()), entry.tags().stream()).collect(Collectors.joining("\n")),
                    entry.answer().section(AnswerSection.SUMMARY) + "\n" + entry.answer().section(AnswerSection.STEPS),
                    // How the entry sounds: title, questions and keywords (what a caller says), not the answer's prose.
                    Stream.of(Stream.of(entry.title(), entry.question()), entry.variants().stream(),
                                    Stream.of(entry.category()), entry.tags().stream())
                            .flatMap(s -> s).collect(Collectors.joining("\n")));
        }

        /** SHA-256 of every text, each closed by a separator no text contains. */
        public String fingerprint() {
            StringBuilder texts = new StringBuilder();
            for (String text : List.of(id, title, domain, category, questions, keywords, answer, sounds)) {
                texts.append(text).append('\0');
            }
            return org.bianmin.platform.Fingerprint.sha256(texts.toString());
        }
    }

    public static IndexedEntry of(KnowledgeEntry entry, ChineseAnalyzer analyzer) {
        return of(AnalysisInput.of(entry), analyzer);
    }

    public static IndexedEntry of(AnalysisInput input, ChineseAnalyzer analyzer) {
        Map<SearchField, String> fields = new EnumMap<>(SearchField.class);
        fields.put(SearchField.TITLE, analyzer.analyzedText(input.title()));
        fields.put(SearchField.QUESTIONS, analyzer.analyzedText(input.questions()));
        fields.put(SearchField.KEYWORDS, analyzer.analyzedText(input.keywords()));
        fields.put(SearchField.ANSWER, analyzer.analyzedText(input.answer()));
        fields.put(SearchField.PINYIN, analyzer.pinyinText(input.sounds()));
        return new IndexedEntry(input.id(), input.title(), input.domain(), input.category(), Map.copyOf(fields));
    }

    /** Entries analyzed in parallel (entries are independent; the analyzer is thread-safe). */
    public static List<IndexedEntry> analyzeAll(java.util.Collection<KnowledgeEntry> entries, ChineseAnalyzer analyzer) {
        return entries.parallelStream().map(e -> of(e, analyzer)).toList();
    }

    /**
     * Changes whenever what the engines index would: ids, analyzed fields and vectors, in this order. A shipped index
     * built from the same entries has the same fingerprint.
     */
    public static String fingerprint(List<IndexedEntry> entries) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            for (IndexedEntry entry : entries) {
                digest.update(entry.id().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (SearchField field : SearchField.values()) {
                    digest.update((byte) 0);
                    digest.update(entry.field(field).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                for (byte[] vector : entry.vectors()) {
                    digest.update((byte) 1);
                    digest.update(vector);
                }
                digest.update((byte) '\n');
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String field(SearchField field) {
        return fields.getOrDefault(field, "");
    }
}
