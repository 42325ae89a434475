package org.bianmin.knowledge.search;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.model.KnowledgeEntry;
import org.slf4j.LoggerFactory;

/**
 * The entries as analyzed at build time, shipped in the jar, so that start-up does not segment the knowledge base
 * again: analyzing 428 entries (SmartCN, the dictionary, pinyin) was over a second of a cold start's CPU, on the
 * same two cores as Spring's own start-up.
 *
 * <p>Each entry is reused only when the texts its analysis reads ({@link IndexedEntry.AnalysisInput}) and the
 * analysis data ({@link ChineseAnalyzer#resourcesFingerprint}) are those of the build; any other entry is analyzed at
 * start-up, with a warning, exactly as {@link IndexedEntry#of} would. So a stale file costs time, never correctness.
 */
public final class ShippedAnalyzedEntries {

    public static final String RESOURCE = "knowledge/analyzed-entries.bin";
    private static final int FORMAT = 1;

    private ShippedAnalyzedEntries() {
    }

    /** The analyzed entries, in the given order, and the ids of those that had to be analyzed at start-up. */
    public record Analysis(List<IndexedEntry> entries, List<String> analyzedNow) {
        public Analysis {
            entries = List.copyOf(entries);
            analyzedNow = List.copyOf(analyzedNow);
        }
    }

    /** These entries analyzed: the shipped analysis where it is current, the analyzer's own otherwise. */
    public static Analysis analyze(Collection<KnowledgeEntry> entries, ChineseAnalyzer analyzer) {
        Map<String, Shipped> shipped = read(analyzer.resourcesFingerprint());
        List<IndexedEntry> analyzed = new ArrayList<>(entries.size());
        List<String> stale = new ArrayList<>();
        for (KnowledgeEntry entry : entries) {
            IndexedEntry.AnalysisInput input = IndexedEntry.AnalysisInput.of(entry);
            Shipped known = shipped.get(entry.id());
            if (known != null && known.inputFingerprint().equals(input.fingerprint())) {
                analyzed.add(known.entry());
            } else {
                analyzed.add(IndexedEntry.of(input, analyzer));
                stale.add(entry.id());
            }
        }
        if (!stale.isEmpty()) {
            LoggerFactory.getLogger(ShippedAnalyzedEntries.class).warn(
                    "{} of {} entries were not analyzed at build time (changed entries or analysis files) and were "
                            + "analyzed now: {}", stale.size(), entries.size(),
                    stale.size() > 10 ? stale.subList(0, 10) + "..." : stale);
        }
        return new Analysis(analyzed, stale);
    }

    /**
     * Writes the analysis of these entries (the build step): {@code analyzed} is {@code entries} analyzed by
     * {@code analyzer}, in the same order.
     */
    public static void write(List<KnowledgeEntry> entries, List<IndexedEntry> analyzedEntries, ChineseAnalyzer analyzer,
                             Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(FORMAT);
            writeText(out, analyzer.resourcesFingerprint());
            writeText(out, fieldNames());
            out.writeInt(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                IndexedEntry analyzed = analyzedEntries.get(i);
                if (!analyzed.id().equals(entries.get(i).id())) {
                    throw new IllegalArgumentException("entries and their analysis are not in the same order");
                }
                writeText(out, IndexedEntry.AnalysisInput.of(entries.get(i)).fingerprint());
                writeText(out, analyzed.id());
                writeText(out, analyzed.title());
                writeText(out, analyzed.domain());
                writeText(out, analyzed.category());
                for (SearchField field : SearchField.values()) {
                    writeText(out, analyzed.field(field));
                }
            }
        }
    }

    private static String fieldNames() {
        return java.util.Arrays.stream(SearchField.values()).map(SearchField::name)
                .collect(java.util.stream.Collectors.joining(","));
    }

    private record Shipped(String inputFingerprint, IndexedEntry entry) {
    }

    /** The shipped analysis by entry id; empty when there is none or it was made with other analysis data. */
    private static Map<String, Shipped> read(String resourcesFingerprint) {
        try (InputStream resource = ShippedAnalyzedEntries.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (resource == null) {
                return Map.of();
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(resource, 1 << 16));
            if (in.readInt() != FORMAT || !readText(in).equals(resourcesFingerprint) || !readText(in).equals(fieldNames())) {
                return Map.of();
            }
            int count = in.readInt();
            Map<String, Shipped> byId = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                String inputFingerprint = readText(in);
                String id = readText(in);
                String title = readText(in);
                String domain = readText(in);
                String category = readText(in);
                Map<SearchField, String> fields = new EnumMap<>(SearchField.class);
                for (SearchField field : SearchField.values()) {
                    fields.put(field, readText(in));
                }
                byId.put(id, new Shipped(inputFingerprint, new IndexedEntry(id, title, domain, category, Map.copyOf(fields))));
            }
            return byId;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    // Length-prefixed UTF-8: DataOutput's own writeUTF stops at 64 KB, and an entry's answer may not.
    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
}
