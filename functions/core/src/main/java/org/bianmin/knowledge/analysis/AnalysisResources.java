package org.bianmin.knowledge.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The project's analysis data: a dictionary of domain terms SmartCN splits badly, a synonym map that folds
 * every spelling of a concept onto one canonical token, and stop words. All three are plain text files under
 * {@code knowledge/analysis/} so that editors change them without touching code (then redeploy and reindex).
 */
final class AnalysisResources {

    public static final String BASE = "knowledge/analysis/";

    private final Set<String> dictionary;
    private final Map<String, String> synonyms;
    private final Set<String> stopWords;
    private final int longestTerm;
    private final String fingerprint;

    public AnalysisResources(Set<String> dictionary, Map<String, String> synonyms, Set<String> stopWords) {
        Set<String> terms = new HashSet<>(dictionary);
        // A synonym only folds if the tokenizer keeps it whole, so every spelling is a dictionary term too.
        synonyms.forEach((variant, canonical) -> {
            terms.add(variant);
            terms.add(canonical);
        });
        terms.removeIf(t -> t.length() < 2);
        this.dictionary = Set.copyOf(terms);
        this.synonyms = Map.copyOf(synonyms);
        this.stopWords = Set.copyOf(stopWords);
        this.longestTerm = terms.stream().mapToInt(String::length).max().orElse(1);
        this.fingerprint = fingerprintOf(this.dictionary, this.synonyms, this.stopWords);
    }

    /**
     * Changes whenever the terms, synonyms or stop words do (not when a file only gains a comment or changes order):
     * a text analyzed with other resources may segment differently.
     */
    public String fingerprint() {
        return fingerprint;
    }

    private static String fingerprintOf(Set<String> dictionary, Map<String, String> synonyms, Set<String> stopWords) {
        StringBuilder data = new StringBuilder();
        new java.util.TreeSet<>(dictionary).forEach(term -> data.append(term).append('\n'));
        data.append('\0');
        new java.util.TreeMap<>(synonyms).forEach((variant, canonical) ->
                data.append(variant).append('=').append(canonical).append('\n'));
        data.append('\0');
        new java.util.TreeSet<>(stopWords).forEach(word -> data.append(word).append('\n'));
        return org.bianmin.platform.Fingerprint.sha256(data.toString());
    }

    /** Loads the files shipped with the function. */
    public static AnalysisResources loadDefault() {
        Set<String> dictionary = new LinkedHashSet<>();
        lines("dictionary.txt", line -> dictionary.add(normalize(line)));
        Map<String, String> synonyms = new HashMap<>();
        lines("synonyms.txt", line -> {
            String[] spellings = line.split("[,，]");
            String canonical = normalize(spellings[0]);
            for (int i = 1; i < spellings.length; i++) {
                String variant = normalize(spellings[i]);
                String previous = synonyms.put(variant, canonical);
                if (previous != null && !previous.equals(canonical)) {
                    throw new IllegalStateException("synonyms.txt: '" + variant + "' maps to both '" + previous
                            + "' and '" + canonical + "'");
                }
            }
        });
        Set<String> stopWords = new HashSet<>();
        lines("stopwords.txt", line -> stopWords.add(normalize(line)));
        return new AnalysisResources(dictionary, synonyms, stopWords);
    }

    public boolean isTerm(String candidate) {
        return dictionary.contains(candidate);
    }

    public int longestTerm() {
        return longestTerm;
    }

    public String canonical(String token) {
        return synonyms.getOrDefault(token, token);
    }

    public boolean isStopWord(String token) {
        return stopWords.contains(token);
    }

    public Set<String> stopWords() {
        return stopWords;
    }

    private static String normalize(String line) {
        return TextNormalizer.normalize(line.strip());
    }

    private static void lines(String file, Consumer<String> sink) {
        String path = BASE + file;
        InputStream in = AnalysisResources.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing analysis file " + path);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String content = line.strip();
                if (!content.isEmpty() && !content.startsWith("#")) {
                    sink.accept(content);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
