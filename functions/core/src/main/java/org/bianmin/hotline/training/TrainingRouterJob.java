package org.bianmin.hotline.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.bianmin.hotline.classification.DomainModel;
import org.bianmin.hotline.classification.DomainModelFile;
import org.bianmin.hotline.classification.DomainModelTrainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code train-router} as a job over a {@link TrainingStorage} (what the training Lambda runs on S3): reads the
 * history objects, trains with {@link RouterTraining}, writes {@code <prefix><version>.model} and its reports, and
 * writes the current-model key only when the new model is not worse than the one stored there (or, while there is
 * none, than the built-in model): the same rule as the command.
 */
public final class TrainingRouterJob {

    /**
     * What to train from and where to put the result.
     *
     * @param inputs keys of the history files (JSON Lines or CSV, told apart by the name)
     * @param holdout keys of held-out files (may be empty)
     * @param outputPrefix where the versioned model and reports go, e.g. {@code models/}
     * @param currentModelKey the model in service (what {@code BIANMIN_ROUTER_MODEL} points at); a promotion
     *     overwrites it
     * @param targetPrecision precision of automatic routing the triage threshold is chosen for
     */
    public record Request(List<String> inputs, List<String> holdout, String outputPrefix, String currentModelKey,
                          double targetPrecision) {

        public Request {
            inputs = List.copyOf(inputs);
            holdout = List.copyOf(holdout);
        }
    }

    /** What the job did: the version, whether it was promoted, where everything went, and the decision. */
    public record Result(String version, boolean promoted, String model, String report, String currentModel,
                         String decision, Map<String, Object> crossValidation) {
    }

    private final TrainingStorage storage;
    private final RouterTraining training;
    private final Supplier<DomainModel> builtIn;

    /** @param builtIn the model in service while the current-model key holds none */
    public TrainingRouterJob(TrainingStorage storage, RouterTraining training, Supplier<DomainModel> builtIn) {
        this.storage = storage;
        this.training = training;
        this.builtIn = builtIn;
    }

    public Result run(Request request) {
        if (request.inputs().isEmpty()) {
            throw new RouterTraining.RejectedHistory("no input: name the history objects to train from");
        }
        try {
            List<HistoryFile.Rows> rows = read(request.inputs());
            List<HistoryFile.Rows> holdout = read(request.holdout());
            DomainModel current = current(request.currentModelKey());
            DomainModelTrainer.Settings defaults = DomainModelTrainer.Settings.defaults();
            RouterTraining.Outcome outcome = training.run(rows, holdout, current, new DomainModelTrainer.Settings(
                    defaults.cost(), defaults.minDocuments(), defaults.folds(), request.targetPrecision(), defaults.seed()));

            String version = outcome.model().version();
            String modelKey = request.outputPrefix() + version + ".model";
            ByteArrayOutputStream model = new ByteArrayOutputStream();
            DomainModelFile.write(outcome.model(), model);
            byte[] modelBytes = model.toByteArray();
            storage.write(modelKey, modelBytes, "application/octet-stream");
            String reportKey = request.outputPrefix() + version + ".report.md";
            storage.write(reportKey, outcome.markdown().getBytes(StandardCharsets.UTF_8), "text/markdown; charset=utf-8");
            storage.write(request.outputPrefix() + version + ".report.json", JsonMapper.builder().build()
                    .writerWithDefaultPrettyPrinter().writeValueAsBytes(outcome.report()), "application/json");
            if (outcome.promoted()) {
                storage.write(request.currentModelKey(), modelBytes, "application/octet-stream");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> crossValidation = new LinkedHashMap<>((Map<String, Object>) outcome.report().get("crossValidation"));
            crossValidation.keySet().retainAll(List.of("macroF1", "accuracy", "expectedCalibrationError"));
            return new Result(version, outcome.promoted(), storage.describe(modelKey), storage.describe(reportKey),
                    storage.describe(request.currentModelKey()), String.valueOf(outcome.report().get("decision")),
                    crossValidation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<HistoryFile.Rows> read(List<String> keys) throws IOException {
        List<HistoryFile.Rows> rows = new ArrayList<>();
        for (String key : keys) {
            Optional<InputStream> object = storage.open(key);
            if (object.isEmpty()) {
                throw new RouterTraining.RejectedHistory(storage.describe(key) + ": no such history file");
            }
            try (InputStream in = object.get()) {
                rows.add(HistoryFile.read(key, in));
            } catch (IllegalArgumentException e) {
                throw new RouterTraining.RejectedHistory(e.getMessage());
            }
        }
        return rows;
    }

    /** The model at the current-model key; a damaged one stops the job (it names the object), an absent one is new. */
    private DomainModel current(String key) throws IOException {
        Optional<InputStream> object = storage.open(key);
        if (object.isEmpty()) {
            return builtIn.get();
        }
        try (InputStream in = object.get()) {
            return DomainModelFile.read(in, storage.describe(key));
        }
    }
}
