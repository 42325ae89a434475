package org.bianmin.hotline.classification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.hotline.classification.FeatureVocabulary.SparseVector;
import org.bianmin.knowledge.model.Domain;

/**
 * The domain step of routing: a linear model over {@link RoutingFeatures} (one weight vector per domain, trained
 * by {@link DomainModelTrainer}), its scores turned into probabilities by a softmax with a temperature fitted on
 * held-out predictions, so a confidence of 0.8 is right about 80% of the time. Explainable by construction: a
 * term's share in a decision is its weight for the chosen domain minus its weight for the runner-up, times its
 * value in the text.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class DomainModel {

    private final String version;
    private final List<Domain> domains;
    private final FeatureVocabulary vocabulary;
    /** Feature-major: the weight of feature {@code f} for domain {@code k} is {@code weights[f * domains + k]}. */
    private final float[] weights;
    private final float[] bias;
    private final double temperature;
    private final double triageThreshold;
    private final double targetPrecision;
    private final Map<String, String> details;

    DomainModel(String version, List<Domain> domains, FeatureVocabulary vocabulary, float[] weights, float[] bias,
                double temperature, double triageThreshold, double targetPrecision, Map<String, String> details) {
        if (weights.length != (long) vocabulary.size() * domains.size() || bias.length != domains.size()) {
            throw new IllegalArgumentException("weights do not match " + vocabulary.size() + " features x "
                    + domains.size() + " domains");
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive: " + temperature);
        }
        this.version = version;
        this.domains = List.copyOf(domains);
        this.vocabulary = vocabulary;
        this.weights = weights;
        this.bias = bias;
        this.temperature = temperature;
        this.triageThreshold = triageThreshold;
        this.targetPrecision = targetPrecision;
        this.details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** A domain and its calibrated probability. */
    public record Scored(Domain domain, double probability) {
    }

    /** The domains from most to least likely for a text's {@link RoutingFeatures#terms}. */
    public List<Scored> rank(List<String> terms) {
        return rank(vocabulary.vectorize(terms));
    }

    List<Scored> rank(SparseVector vector) {
        double[] probabilities = probabilities(scores(vector), temperature);
        List<Scored> ranked = new ArrayList<>(domains.size());
        for (int k = 0; k < domains.size(); k++) {
            ranked.add(new Scored(domains.get(k), probabilities[k]));
        }
        ranked.sort(Comparator.comparingDouble(Scored::probability).reversed());
        return ranked;
    }

    SparseVector vectorize(List<String> terms) {
        return vocabulary.vectorize(terms);
    }

    /** The raw decision values, one per domain in {@link #domains()} order. */
    double[] scores(SparseVector vector) {
        int k = domains.size();
        double[] scores = new double[k];
        for (int d = 0; d < k; d++) {
            scores[d] = bias[d];
        }
        int[] indices = vector.indices();
        float[] values = vector.values();
        for (int i = 0; i < indices.length; i++) {
            int offset = indices[i] * k;
            float value = values[i];
            for (int d = 0; d < k; d++) {
                scores[d] += weights[offset + d] * value;
            }
        }
        return scores;
    }

    static double[] probabilities(double[] scores, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double[] probabilities = new double[scores.length];
        double sum = 0;
        for (int k = 0; k < scores.length; k++) {
            probabilities[k] = Math.exp((scores[k] - max) / temperature);
            sum += probabilities[k];
        }
        for (int k = 0; k < scores.length; k++) {
            probabilities[k] /= sum;
        }
        return probabilities;
    }

    /**
     * The terms of the text that pointed most to {@code chosen} over {@code runnerUp}, strongest first. Terms
     * that read the same (the word 路灯 and the bigram 路灯) are merged, their shares added.
     */
    List<Classification.Term> decidingTerms(SparseVector vector, Domain chosen, Domain runnerUp, int limit) {
        int k = domains.size();
        int c = domains.indexOf(chosen);
        int r = domains.indexOf(runnerUp);
        if (c < 0 || r < 0 || c == r) {
            return List.of();
        }
        Map<String, Double> shares = new HashMap<>();
        for (int i = 0; i < vector.indices().length; i++) {
            int f = vector.indices()[i];
            double share = (weights[f * k + c] - weights[f * k + r]) * vector.values()[i];
            shares.merge(RoutingFeatures.display(vocabulary.term(f)), share, Double::sum);
        }
        return shares.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(limit)
                .map(e -> new Classification.Term(e.getKey(), Math.round(e.getValue() * 1000) / 1000.0))
                .toList();
    }

    public String version() {
        return version;
    }

    public List<Domain> domains() {
        return domains;
    }

    /** Below this probability of the chosen domain a person routes the request. */
    public double triageThreshold() {
        return triageThreshold;
    }

    /** The precision of automatic routing the triage threshold was chosen for. */
    public double targetPrecision() {
        return targetPrecision;
    }

    public double temperature() {
        return temperature;
    }

    /** How the model was made (training time, examples, cross-validated quality): written into its file. */
    public Map<String, String> details() {
        return details;
    }

    int features() {
        return vocabulary.size();
    }

    FeatureVocabulary vocabulary() {
        return vocabulary;
    }

    float[] weights() {
        return weights;
    }

    float[] bias() {
        return bias;
    }
}
