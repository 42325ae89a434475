package org.bianmin.hotline.classification;

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
    private double total;

    void train(C label, List<String> tokens, double weight) {
        Map<String, Double> classCounts = counts.computeIfAbsent(label, l -> new HashMap<>());
        for (String token : tokens) {
            classCounts.merge(token, weight, Double::sum);
            totals.merge(label, weight, Double::sum);
            vocabulary.merge(token, weight, Double::sum);
            total += weight;
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
     * Complement naive Bayes (Rennie et al., 2003): how well a token is explained by every class but this one.
     * The weight is low when the other classes explain the token well; it is robust to classes trained on very
     * different amounts of text, as the domains are here (some have ten times the text of others).
     */
    double complementWeight(C label, String token) {
        double inClass = counts.getOrDefault(label, Map.of()).getOrDefault(token, 0.0);
        double elsewhere = vocabulary.getOrDefault(token, 0.0) - inClass;
        double elsewhereTotal = total - totals.getOrDefault(label, 0.0);
        return -Math.log((elsewhere + 1.0) / (elsewhereTotal + vocabulary.size()));
    }

    /**
     * Posterior over {@code candidates} for the known tokens; tokens the model never saw say nothing and are
     * skipped. The log-likelihood is scaled by 1/sqrt(known tokens) before the softmax: naive Bayes treats
     * tokens as independent and would otherwise report near-certainty for any long text.
     */
    Map<C, Double> posterior(List<String> tokens, Set<C> candidates) {
        return posterior(tokens, candidates, false);
    }

    /** As {@link #posterior(List, Set)}, scoring with complement weights when {@code complement} is set. */
    Map<C, Double> posterior(List<String> tokens, Set<C> candidates, boolean complement) {
        List<String> known = tokens.stream().filter(this::knows).toList();
        double scale = 1.0 / Math.sqrt(Math.max(1, known.size()));
        Map<C, Double> logScores = new LinkedHashMap<>();
        double max = Double.NEGATIVE_INFINITY;
        for (C label : candidates) {
            double score = 0;
            for (String token : known) {
                score += complement ? complementWeight(label, token) : logLikelihood(label, token);
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
