package org.bianmin.hotline.routing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Multinomial naive Bayes over analyzer tokens with add-one smoothing and uniform class priors. Small, fast,
 * and explainable: a token's contribution to a decision is the difference of its log-likelihoods.
 */
final class NaiveBayes<C> {

    private final Map<C, Map<String, Double>> counts = new LinkedHashMap<>();
    private final Map<C, Double> totals = new HashMap<>();
    private final Map<String, Double> vocabulary = new HashMap<>();

    void train(C label, List<String> tokens, double weight) {
        Map<String, Double> classCounts = counts.computeIfAbsent(label, l -> new HashMap<>());
        for (String token : tokens) {
            classCounts.merge(token, weight, Double::sum);
            totals.merge(label, weight, Double::sum);
            vocabulary.merge(token, weight, Double::sum);
        }
    }

    boolean knows(String token) {
        return vocabulary.containsKey(token);
    }

    double logLikelihood(C label, String token) {
        double count = counts.getOrDefault(label, Map.of()).getOrDefault(token, 0.0);
        return Math.log((count + 1.0) / (totals.getOrDefault(label, 0.0) + vocabulary.size()));
    }

    /**
     * Posterior over {@code candidates} for the known tokens; tokens the model never saw say nothing and are
     * skipped. The log-likelihood is scaled by 1/sqrt(known tokens) before the softmax: naive Bayes treats
     * tokens as independent and would otherwise report near-certainty for any long text.
     */
    Map<C, Double> posterior(List<String> tokens, Set<C> candidates) {
        List<String> known = tokens.stream().filter(this::knows).toList();
        double scale = 1.0 / Math.sqrt(Math.max(1, known.size()));
        Map<C, Double> logScores = new LinkedHashMap<>();
        double max = Double.NEGATIVE_INFINITY;
        for (C label : candidates) {
            double score = 0;
            for (String token : known) {
                score += logLikelihood(label, token);
            }
            score *= scale;
            logScores.put(label, score);
            max = Math.max(max, score);
        }
        double sum = 0;
        for (Map.Entry<C, Double> entry : logScores.entrySet()) {
            double value = Math.exp(entry.getValue() - max);
            entry.setValue(value);
            sum += value;
        }
        for (Map.Entry<C, Double> entry : logScores.entrySet()) {
            entry.setValue(entry.getValue() / sum);
        }
        return logScores;
    }

    Set<C> labels() {
        return counts.keySet();
    }
}
