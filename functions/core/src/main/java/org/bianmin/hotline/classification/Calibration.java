package org.bianmin.hotline.classification;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Turning held-out decision values into honest probabilities, and choosing where a person takes over.
 *
 * <p>Temperature scaling (Guo et al., 2017): one number divides every score before the softmax; fitted by
 * minimizing the negative log-likelihood of the true domains on held-out predictions. It keeps the ranking (so
 * accuracy and the deciding terms do not change) and needs far less data than per-domain calibrators.
 */
final class Calibration {

    private Calibration() {
    }

    /** The temperature that best explains held-out {@code scores} (one row per text) given their true domains. */
    static double fitTemperature(double[][] scores, int[] truth) {
        // golden-section search on ln T: the negative log-likelihood is unimodal in T for a fixed ranking
        double low = Math.log(0.01);
        double high = Math.log(100);
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = high - ratio * (high - low);
        double b = low + ratio * (high - low);
        double fa = negativeLogLikelihood(scores, truth, Math.exp(a));
        double fb = negativeLogLikelihood(scores, truth, Math.exp(b));
        for (int i = 0; i < 80; i++) {
            if (fa < fb) {
                high = b;
                b = a;
                fb = fa;
                a = high - ratio * (high - low);
                fa = negativeLogLikelihood(scores, truth, Math.exp(a));
            } else {
                low = a;
                a = b;
                fa = fb;
                b = low + ratio * (high - low);
                fb = negativeLogLikelihood(scores, truth, Math.exp(b));
            }
        }
        return Math.exp((low + high) / 2);
    }

    static double negativeLogLikelihood(double[][] scores, int[] truth, double temperature) {
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            double p = DomainModel.probabilities(scores[i], temperature)[truth[i]];
            sum -= Math.log(Math.max(p, 1e-12));
        }
        return sum / scores.length;
    }

    /**
     * The lowest confidence at which the automatically routed texts (confidence at or above it) are still right
     * at least {@code targetPrecision} of the time on held-out predictions: as few texts as possible go to a
     * person for that precision. When even the surest texts miss the target, 1.0: everything is triaged.
     */
    static double thresholdFor(double[] confidence, boolean[] correct, double targetPrecision) {
        Integer[] order = new Integer[confidence.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> confidence[i]).reversed());
        double threshold = 1.0;
        int hits = 0;
        for (int n = 0; n < order.length; n++) {
            if (correct[order[n]]) {
                hits++;
            }
            boolean lastOfTie = n + 1 == order.length || confidence[order[n + 1]] < confidence[order[n]];
            if (lastOfTie && (double) hits / (n + 1) >= targetPrecision) {
                threshold = confidence[order[n]];
            }
        }
        return threshold;
    }
}
