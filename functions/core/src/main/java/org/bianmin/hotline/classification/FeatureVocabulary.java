package org.bianmin.hotline.classification;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms a domain model knows, each with its inverse document frequency, and how a text's terms become the
 * model's input: sublinear term frequency (1 + ln tf) times idf, scaled to unit length so a long message and a
 * short one weigh the same.
 */
final class FeatureVocabulary {

    private final String[] terms;
    private final float[] idf;
    private final Map<String, Integer> index;

    FeatureVocabulary(String[] terms, float[] idf) {
        if (terms.length != idf.length) {
            throw new IllegalArgumentException("terms and idf differ in length");
        }
        this.terms = terms;
        this.idf = idf;
        this.index = new HashMap<>(terms.length * 2);
        for (int i = 0; i < terms.length; i++) {
            if (index.putIfAbsent(terms[i], i) != null) {
                throw new IllegalArgumentException("duplicate term " + terms[i]);
            }
        }
    }

    /** The weighted, unit-length vector of a text's terms; unknown terms are left out. */
    SparseVector vectorize(List<String> documentTerms) {
        int[] ids = new int[documentTerms.size()];
        int n = 0;
        for (String term : documentTerms) {
            Integer i = index.get(term);
            if (i != null) {
                ids[n++] = i;
            }
        }
        Arrays.sort(ids, 0, n);
        int distinct = 0;
        int[] counts = new int[n];
        for (int k = 0; k < n; k++) {
            if (distinct > 0 && ids[distinct - 1] == ids[k]) {
                counts[distinct - 1]++;
            } else {
                ids[distinct] = ids[k];
                counts[distinct++] = 1;
            }
        }
        return weigh(Arrays.copyOf(ids, distinct), counts, idf);
    }

    /**
     * Sublinear term frequency times idf, scaled to unit length.
     *
     * @param indices ascending feature indices
     * @param counts how often each occurs in the text
     */
    static SparseVector weigh(int[] indices, int[] counts, float[] idf) {
        float[] values = new float[indices.length];
        double norm = 0;
        for (int k = 0; k < indices.length; k++) {
            double value = (1 + Math.log(counts[k])) * idf[indices[k]];
            values[k] = (float) value;
            norm += value * value;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int k = 0; k < values.length; k++) {
                values[k] *= scale;
            }
        }
        return new SparseVector(indices, values);
    }

    int size() {
        return terms.length;
    }

    String term(int i) {
        return terms[i];
    }

    float idf(int i) {
        return idf[i];
    }

    float[] idfs() {
        return idf;
    }

    /** A text's features: ascending indices into the vocabulary and their weights. */
    record SparseVector(int[] indices, float[] values) {

        @Override
        public boolean equals(Object other) {
            return other instanceof SparseVector v && Arrays.equals(indices, v.indices) && Arrays.equals(values, v.values);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "SparseVector" + Arrays.toString(indices);
        }
    }
}
