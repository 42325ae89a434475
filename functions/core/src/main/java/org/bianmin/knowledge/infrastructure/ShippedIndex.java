package org.bianmin.knowledge.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.bianmin.knowledge.search.IndexedEntry;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine's index of the shipped entries, built at build time ({@link KnowledgeBuildStep}) and shipped in
 * the jar under {@link #DIRECTORY}: the Lucene files and {@code index.txt}, whose first line is the layout and the fingerprint of the
 * entries it holds ({@link IndexedEntry#fingerprint}) and the others the file names. Building the HNSW graph of the
 * entries' vectors takes seconds; copying the built files into memory takes milliseconds.
 */
final class ShippedIndex {

    static final String DIRECTORY = "knowledge/lucene-index/";
    private static final String MANIFEST = "index.txt";
    /**
     * The layout of the index files, part of the manifest's first line beside the entries' fingerprint, so that an
     * index written by an earlier layout is rebuilt. 3: the vectors, then the entries in id order
     * (LuceneKnowledgeIndex#write).
     */
    private static final String LAYOUT = "layout-3";

    private ShippedIndex() {
    }

    /** The shipped index if it holds exactly the entries of this fingerprint. */
    static Optional<ByteBuffersDirectory> read(String fingerprint) {
        ClassLoader loader = ShippedIndex.class.getClassLoader();
        try (InputStream manifest = loader.getResourceAsStream(DIRECTORY + MANIFEST)) {
            if (manifest == null) {
                return Optional.empty();
            }
            List<String> lines = new String(manifest.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (lines.isEmpty() || !lines.get(0).equals(stamp(fingerprint))) {
                LoggerFactory.getLogger(ShippedIndex.class).warn(
                        "the shipped knowledge index was built from other entries or analysis files; building it now");
                return Optional.empty();
            }
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            for (String name : lines.subList(1, lines.size())) {
                try (InputStream in = loader.getResourceAsStream(DIRECTORY + name);
                     IndexOutput out = directory.createOutput(name, IOContext.DEFAULT)) {
                    if (in == null) {
                        return Optional.empty();
                    }
                    byte[] bytes = in.readAllBytes();
                    out.writeBytes(bytes, bytes.length);
                }
            }
            return Optional.of(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped knowledge index", e);
        }
    }

    private static String stamp(String fingerprint) {
        return LAYOUT + " " + fingerprint;
    }

    /** The index files written in {@code output} by {@link #write}, copied into memory. */
    static ByteBuffersDirectory copy(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output.resolve(MANIFEST), StandardCharsets.UTF_8);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (FSDirectory files = FSDirectory.open(output)) {
            for (String name : lines.subList(1, lines.size())) {
                directory.copyFrom(files, name, name, IOContext.READONCE);
            }
        }
        return directory;
    }

    /** Whether {@code output} already holds the index of this fingerprint. */
    static boolean isCurrent(Path output, String fingerprint) throws IOException {
        Path manifest = output.resolve(MANIFEST);
        return Files.exists(manifest) && Files.readAllLines(manifest).stream().findFirst().orElse("").equals(stamp(fingerprint));
    }

    /** Writes the index of these entries and its manifest into {@code output}, replacing what was there. */
    static void write(List<IndexedEntry> entries, Path output) throws IOException {
        if (Files.exists(output)) {
            try (var files = Files.list(output)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(output);
        try (FSDirectory directory = FSDirectory.open(output)) {
            LuceneKnowledgeIndex.write(entries, directory);
        }
        List<String> lines = new ArrayList<>();
        lines.add(stamp(IndexedEntry.fingerprint(entries)));
        try (var files = Files.list(output)) {
            files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(MANIFEST) && !n.equals("write.lock"))
                    .sorted().forEach(lines::add);
        }
        Files.deleteIfExists(output.resolve("write.lock"));
        Files.write(output.resolve(MANIFEST), lines, StandardCharsets.UTF_8);
    }
}
