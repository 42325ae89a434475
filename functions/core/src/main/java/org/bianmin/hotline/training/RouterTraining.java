package org.bianmin.hotline.training;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.bianmin.hotline.classification.DomainModel;
import org.bianmin.hotline.classification.DomainModelTrainer;
import org.bianmin.hotline.classification.LabeledText;
import org.bianmin.hotline.classification.RoutingEvaluation;
import org.bianmin.hotline.classification.RoutingFeatures;

/**
 * Training the router from a city's history (what {@code train-router} and the training function run): gathers
 * the rows of every input (too many bad ones stop it), trains and cross-validates a {@link DomainModel}, and
 * decides whether it may replace the current model: only if its macro-F1 on held-out texts is not below the
 * current model's on the same texts. Held-out texts are the {@code holdout} files when given; otherwise the
 * new model is judged by cross-validation and the current one on all the history (which it has not learned
 * from, unless it was trained on the same history: then the comparison favours the current model).
 */
public final class RouterTraining {

    /** More than this share of bad rows means the export is wrong, not a few messy tickets. */
    public static final double MAX_BAD_SHARE = 0.05;
    static final int BAD_ROWS_LISTED = 200;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The history cannot be trained on; the message says why (with the first bad rows). */
    public static final class RejectedHistory extends IllegalArgumentException {

        public RejectedHistory(String message) {
            super(message);
        }
    }

    /** The trained model, whether it is promoted, and the report in Markdown and as a JSON-ready map. */
    public record Outcome(DomainModel model, boolean promoted, String markdown, Map<String, Object> report) {
    }

    private final RoutingFeatures features;
    private final Clock clock;

    public RouterTraining(RoutingFeatures features, Clock clock) {
        this.features = features;
        this.clock = clock;
    }

    /**
     * @param inputs the history files, read
     * @param holdout held-out files (may be empty)
     * @param current the model in service now, to compare with
     */
    public Outcome run(List<HistoryFile.Rows> inputs, List<HistoryFile.Rows> holdout, DomainModel current,
                       DomainModelTrainer.Settings settings) {
        List<LabeledText> texts = new ArrayList<>();
        List<HistoryFile.BadRow> bad = new ArrayList<>();
        int total = 0;
        for (HistoryFile.Rows rows : inputs) {
            texts.addAll(rows.texts());
            bad.addAll(rows.bad());
            total += rows.total();
        }
        if (total == 0) {
            throw new RejectedHistory("the input has no rows");
        }
        double badShare = (double) bad.size() / total;
        if (badShare > MAX_BAD_SHARE) {
            throw new RejectedHistory(String.format(Locale.ROOT, "%d of %d rows (%.1f%%) cannot be used, more than %.0f%%:%n%s",
                    bad.size(), total, 100 * badShare, 100 * MAX_BAD_SHARE, listBadRows(bad, 20)));
        }
        Instant start = clock.instant();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("source", "train-router");
        details.put("trainedAt", start.toString());
        DomainModelTrainer.Result result = new DomainModelTrainer(features)
                .train(texts, settings, "router-" + STAMP.format(start), details);
        Duration trainingTime = Duration.between(start, clock.instant());
        DomainModel model = result.model();

        List<LabeledText> heldOut = holdout.stream().flatMap(r -> r.texts().stream()).toList();
        RoutingEvaluation candidateHeldOut = heldOut.isEmpty() ? result.crossValidation() : evaluate(model, heldOut);
        RoutingEvaluation currentHeldOut = current == null ? null : evaluate(current, heldOut.isEmpty() ? texts : heldOut);
        boolean promoted = currentHeldOut == null || candidateHeldOut.macroF1() >= currentHeldOut.macroF1();
        String basis = heldOut.isEmpty() ? "the new model by " + settings.folds() + "-fold cross-validation, the current one on the whole history"
                : heldOut.size() + " held-out texts";
        String decision = currentHeldOut == null
                ? "promoted: there is no current model to compare with"
                : String.format(Locale.ROOT, "%s: macro-F1 %.4f (new %s) vs %.4f (current %s) on %s",
                        promoted ? "promoted" : "NOT promoted, the new model is worse", candidateHeldOut.macroF1(),
                        model.version(), currentHeldOut.macroF1(), current.version(), basis);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("version", model.version());
        report.put("trainedAt", start.toString());
        report.put("trainingSeconds", trainingTime.toMillis() / 1000.0);
        report.put("rows", total);
        report.put("texts", texts.size());
        report.put("badRows", bad.stream().map(b -> Map.of("file", b.file(), "line", b.line(), "reason", b.reason())).toList());
        report.put("settings", Map.of("cost", settings.cost(), "minDocuments", settings.minDocuments(), "folds", settings.folds(),
                "targetPrecision", settings.targetPrecision(), "features", RoutingFeatures.SCHEME));
        report.put("temperature", model.temperature());
        report.put("crossValidation", result.crossValidation().summary(model.triageThreshold()));
        if (!heldOut.isEmpty()) {
            report.put("holdout", candidateHeldOut.summary(model.triageThreshold()));
        }
        if (currentHeldOut != null) {
            report.put("current", Map.of("version", current.version(), "evaluation", currentHeldOut.summary(current.triageThreshold())));
        }
        report.put("promoted", promoted);
        report.put("decision", decision);

        StringBuilder md = new StringBuilder();
        md.append("# Router training report\n\n");
        md.append("model: ").append(model.version()).append('\n');
        md.append("trained at ").append(start).append(" in ").append(String.format(Locale.ROOT, "%.1f", trainingTime.toMillis() / 1000.0))
                .append(" s (").append(settings.folds()).append("-fold cross-validation and the final model)\n");
        md.append(String.format(Locale.ROOT, "rows: %d, used: %d, left out: %d (%.2f%%, the limit is %.0f%%)%n", total, texts.size(),
                bad.size(), 100 * badShare, 100 * MAX_BAD_SHARE));
        md.append(String.format(Locale.ROOT, "features: %s; C = %s; a term must occur in %d texts%n", RoutingFeatures.SCHEME,
                settings.cost(), settings.minDocuments()));
        md.append(String.format(Locale.ROOT, "calibration: softmax temperature %.4f fitted on the held-out folds%n", model.temperature()));
        md.append(String.format(Locale.ROOT, "manual triage below a confidence of %.4f, chosen for a precision of %.2f of"
                + " automatic routing on the held-out folds%n%n", model.triageThreshold(), settings.targetPrecision()));
        md.append("**").append(decision).append("**\n\n");
        md.append(result.crossValidation().markdown(settings.folds() + "-fold cross-validation", model.triageThreshold()));
        if (!heldOut.isEmpty()) {
            md.append(candidateHeldOut.markdown("Held-out texts, new model", model.triageThreshold()));
        }
        if (currentHeldOut != null) {
            md.append(currentHeldOut.markdown("Current model " + current.version() + " on "
                    + (heldOut.isEmpty() ? "the whole history" : "the held-out texts"), current.triageThreshold()));
        }
        if (!bad.isEmpty()) {
            md.append("## Rows left out\n\n").append(listBadRows(bad, BAD_ROWS_LISTED)).append('\n');
        }
        return new Outcome(model, promoted, md.toString(), report);
    }

    /** The model's best guess for each text, with its confidence. */
    public RoutingEvaluation evaluate(DomainModel model, List<LabeledText> texts) {
        List<RoutingEvaluation.Outcome> outcomes = IntStream.range(0, texts.size()).parallel().mapToObj(i -> {
            LabeledText text = texts.get(i);
            DomainModel.Scored best = model.rank(features.terms(text.text())).get(0);
            return new RoutingEvaluation.Outcome(text.domain(), best.domain(), best.probability());
        }).toList();
        return new RoutingEvaluation(outcomes);
    }

    private static String listBadRows(List<HistoryFile.BadRow> bad, int limit) {
        StringBuilder list = new StringBuilder();
        bad.stream().limit(limit).forEach(b -> list.append("- ").append(b.file()).append(" line ").append(b.line())
                .append(": ").append(b.reason()).append('\n'));
        if (bad.size() > limit) {
            list.append("- ... and ").append(bad.size() - limit).append(" more\n");
        }
        return list.toString();
    }
}
