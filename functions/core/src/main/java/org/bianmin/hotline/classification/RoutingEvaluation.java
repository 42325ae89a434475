package org.bianmin.hotline.classification;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bianmin.knowledge.model.Domain;

/**
 * How well domains were predicted on texts whose domain is known: accuracy, per-domain precision, recall and F1,
 * the confusion matrix, and calibration (expected calibration error over ten equal-width confidence bins, and
 * the reliability table behind it). Macro-F1 averages over the domains the texts actually belong to: a domain
 * that only appears as a wrong guess lowers the precision of nobody's class but still counts as a miss.
 */
public final class RoutingEvaluation {

    static final int BINS = 10;

    /** One evaluated text: its true domain, the predicted one and the predicted domain's probability. */
    public record Outcome(Domain actual, Domain predicted, double confidence) {
    }

    /** Precision, recall and F1 of one domain; {@code support} is how many texts truly belong to it. */
    public record DomainScore(Domain domain, double precision, double recall, double f1, int support) {
    }

    /** Texts whose confidence fell in {@code [low, high)}: how sure the model said it was, and how often it was right. */
    public record Bin(double low, double high, int count, double meanConfidence, double accuracy) {
    }

    private final List<Outcome> outcomes;

    public RoutingEvaluation(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate");
        }
        this.outcomes = List.copyOf(outcomes);
    }

    public int size() {
        return outcomes.size();
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }

    public double accuracy() {
        return (double) outcomes.stream().filter(o -> o.actual() == o.predicted()).count() / outcomes.size();
    }

    /** The domains that the texts belong to, in taxonomy order. */
    public Set<Domain> domains() {
        Set<Domain> domains = EnumSet.noneOf(Domain.class);
        outcomes.forEach(o -> domains.add(o.actual()));
        return domains;
    }

    public List<DomainScore> perDomain() {
        List<DomainScore> scores = new ArrayList<>();
        for (Domain domain : domains()) {
            int truePositives = 0;
            int predicted = 0;
            int support = 0;
            for (Outcome o : outcomes) {
                if (o.predicted() == domain) {
                    predicted++;
                    if (o.actual() == domain) {
                        truePositives++;
                    }
                }
                if (o.actual() == domain) {
                    support++;
                }
            }
            double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
            double recall = support == 0 ? 0 : (double) truePositives / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            scores.add(new DomainScore(domain, precision, recall, f1, support));
        }
        return scores;
    }

    public double macroF1() {
        return perDomain().stream().mapToDouble(DomainScore::f1).average().orElse(0);
    }

    /** Rows: true domain; columns: predicted domain (only those predicted at least once or truly present). */
    public Map<Domain, Map<Domain, Integer>> confusion() {
        Set<Domain> columns = EnumSet.noneOf(Domain.class);
        outcomes.forEach(o -> {
            columns.add(o.actual());
            columns.add(o.predicted());
        });
        Map<Domain, Map<Domain, Integer>> matrix = new EnumMap<>(Domain.class);
        for (Domain row : domains()) {
            Map<Domain, Integer> counts = new EnumMap<>(Domain.class);
            columns.forEach(c -> counts.put(c, 0));
            matrix.put(row, counts);
        }
        outcomes.forEach(o -> matrix.get(o.actual()).merge(o.predicted(), 1, Integer::sum));
        return matrix;
    }

    public List<Bin> reliability() {
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            double low = (double) b / BINS;
            double high = (double) (b + 1) / BINS;
            int count = 0;
            double confidence = 0;
            int hits = 0;
            for (Outcome o : outcomes) {
                int bin = Math.min(BINS - 1, (int) (o.confidence() * BINS));
                if (bin == b) {
                    count++;
                    confidence += o.confidence();
                    hits += o.actual() == o.predicted() ? 1 : 0;
                }
            }
            bins.add(new Bin(low, high, count, count == 0 ? 0 : confidence / count, count == 0 ? 0 : (double) hits / count));
        }
        return bins;
    }

    /** Expected calibration error: the gap between confidence and accuracy, averaged over bins by their size. */
    public double expectedCalibrationError() {
        double error = 0;
        for (Bin bin : reliability()) {
            error += (double) bin.count() / outcomes.size() * Math.abs(bin.meanConfidence() - bin.accuracy());
        }
        return error;
    }

    /** The share of texts whose confidence is below {@code threshold}: they go to a person. */
    public double triageRate(double threshold) {
        return (double) outcomes.stream().filter(o -> o.confidence() < threshold).count() / outcomes.size();
    }

    /** The accuracy of the texts routed automatically at {@code threshold} (1.0 when none are). */
    public double automaticPrecision(double threshold) {
        List<Outcome> automatic = outcomes.stream().filter(o -> o.confidence() >= threshold).toList();
        return automatic.isEmpty() ? 1.0
                : (double) automatic.stream().filter(o -> o.actual() == o.predicted()).count() / automatic.size();
    }

    /** The figures as a flat map (for JSON reports and logs). */
    public Map<String, Object> summary(double threshold) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("texts", size());
        summary.put("accuracy", round(accuracy()));
        summary.put("macroF1", round(macroF1()));
        summary.put("expectedCalibrationError", round(expectedCalibrationError()));
        summary.put("triageThreshold", round(threshold));
        summary.put("triageRate", round(triageRate(threshold)));
        summary.put("automaticPrecision", round(automaticPrecision(threshold)));
        Map<String, Object> domains = new LinkedHashMap<>();
        for (DomainScore score : perDomain()) {
            domains.put(score.domain().label(), Map.of("precision", round(score.precision()), "recall",
                    round(score.recall()), "f1", round(score.f1()), "support", score.support()));
        }
        summary.put("domains", domains);
        Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
        confusion().forEach((row, counts) -> {
            Map<String, Integer> labelled = new LinkedHashMap<>();
            counts.forEach((column, n) -> labelled.put(column.label(), n));
            confusion.put(row.label(), labelled);
        });
        summary.put("confusion", confusion);
        return summary;
    }

    /** A Markdown section: headline figures, per-domain table, confusion matrix, reliability table. */
    public String markdown(String title, double threshold) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(title).append("\n\n");
        md.append(String.format(Locale.ROOT, "texts: %d, accuracy: %.3f, macro-F1: %.3f, expected calibration error: %.3f%n",
                size(), accuracy(), macroF1(), expectedCalibrationError()));
        md.append(String.format(Locale.ROOT, "triage threshold %.3f: %.1f%% of texts go to a person; the rest are routed"
                + " with precision %.3f%n%n", threshold, 100 * triageRate(threshold), automaticPrecision(threshold)));
        md.append("| domain | precision | recall | F1 | texts |\n| --- | --- | --- | --- | --- |\n");
        for (DomainScore s : perDomain()) {
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d |%n", s.domain().label(), s.precision(),
                    s.recall(), s.f1(), s.support()));
        }
        Map<Domain, Map<Domain, Integer>> confusion = confusion();
        List<Domain> columns = confusion.values().iterator().next().keySet().stream().toList();
        md.append("\nConfusion (rows: true domain, columns: predicted)\n\n| |");
        columns.forEach(c -> md.append(' ').append(c.label()).append(" |"));
        md.append("\n| --- |");
        columns.forEach(c -> md.append(" --- |"));
        md.append('\n');
        confusion.forEach((row, counts) -> {
            md.append("| ").append(row.label()).append(" |");
            columns.forEach(c -> md.append(' ').append(counts.get(c)).append(" |"));
            md.append('\n');
        });
        md.append("\nReliability (confidence bins)\n\n| confidence | texts | mean confidence | accuracy |\n| --- | --- | --- | --- |\n");
        for (Bin bin : reliability()) {
            if (bin.count() > 0) {
                md.append(String.format(Locale.ROOT, "| %.1f-%.1f | %d | %.3f | %.3f |%n", bin.low(), bin.high(),
                        bin.count(), bin.meanConfidence(), bin.accuracy()));
            }
        }
        return md.append('\n').toString();
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
