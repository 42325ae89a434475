package org.bianmin.hotline.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.analysis.TextNormalizer;

/**
 * What the domain model sees of a text: the analyzer's words (routing stop words and bare numbers left out) and
 * the character bigrams and trigrams of each run of letters and digits. Words carry the meaning the dictionary
 * knows; character n-grams catch what it does not (place names split oddly, typos, words missing from the
 * dictionary) and make the model robust to segmentation. Digits fold to {@code 0}: a house number says nothing
 * about the domain, the shape "0号楼" does.
 *
 * <p>Terms are prefixed ({@code w:} words, {@code c:} n-grams) so a word and an n-gram with the same characters
 * stay separate features. {@link #SCHEME} names this recipe in model files: a model trained with another recipe
 * would read different features and is refused.
 */
public final class RoutingFeatures {

    public static final String SCHEME = "words+char2-3/v1";
    static final String STOP_WORDS = "hotline/routing-stopwords.txt";
    static final String WORD = "w:";
    static final String NGRAM = "c:";
    private static final int MIN_N = 2;
    private static final int MAX_N = 3;

    private final ChineseAnalyzer analyzer;
    private final Set<String> stopWords;

    public RoutingFeatures(ChineseAnalyzer analyzer) {
        this.analyzer = analyzer;
        this.stopWords = loadStopWords();
    }

    /** The terms of a text, in order, duplicates kept (their counts are the term frequencies). */
    public List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        for (String word : words(text)) {
            terms.add(WORD + word);
        }
        String normalized = TextNormalizer.normalize(text);
        int start = -1;
        for (int i = 0; i <= normalized.length(); i++) {
            boolean inRun = i < normalized.length() && Character.isLetterOrDigit(normalized.charAt(i));
            if (inRun && start < 0) {
                start = i;
            } else if (!inRun && start >= 0) {
                addNgrams(fold(normalized.substring(start, i)), terms);
                start = -1;
            }
        }
        return terms;
    }

    /** The analyzer's words without routing stop words and bare numbers. */
    List<String> words(String text) {
        return analyzer.tokens(text).stream()
                .filter(t -> !stopWords.contains(t) && !t.chars().allMatch(Character::isDigit))
                .toList();
    }

    private static void addNgrams(String run, List<String> terms) {
        for (int n = MIN_N; n <= MAX_N; n++) {
            for (int i = 0; i + n <= run.length(); i++) {
                terms.add(NGRAM + run.substring(i, i + n));
            }
        }
    }

    private static String fold(String run) {
        StringBuilder folded = new StringBuilder(run.length());
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            folded.append(c >= '0' && c <= '9' ? '0' : c);
        }
        return folded.toString();
    }

    /** How a term reads to a person: the word or the characters, without the prefix. */
    static String display(String term) {
        return term.substring(2);
    }

    static Set<String> loadStopWords() {
        try (InputStream in = RoutingFeatures.class.getClassLoader().getResourceAsStream(STOP_WORDS)) {
            if (in == null) {
                throw new IllegalStateException("missing " + STOP_WORDS);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
