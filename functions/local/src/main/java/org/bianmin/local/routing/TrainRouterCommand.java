package org.bianmin.local.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bianmin.hotline.classification.DomainModel;
import org.bianmin.hotline.classification.DomainModelFile;
import org.bianmin.hotline.classification.DomainModelTrainer;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.classification.RoutingFeatures;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.hotline.training.HistoryFile;
import org.bianmin.hotline.training.RouterTraining;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.application.KnowledgeBaseLoader;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code train-router --input FILE [--input FILE ...] --out DIR [--holdout FILE ...] [--current MODEL]
 * [--target-precision 0.95]}: trains the router's domain model from a city's history and writes into DIR the
 * versioned model ({@code <version>.model}), its report ({@code <version>.report.md} and {@code .json}) and,
 * only when it is not worse than the current model on held-out texts, {@code router.model}: the file to point
 * {@code BIANMIN_ROUTER_MODEL} at. The current model is {@code --current}, else the file
 * {@code BIANMIN_ROUTER_MODEL} names, else the built-in one.
 *
 * <p>Exit status: 0 trained and promoted; 3 trained but not promoted; 1 unusable history or model; 2 bad arguments.
 */
public final class TrainRouterCommand {

    public static final int PROMOTED = 0;
    public static final int NOT_PROMOTED = 3;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final String PROMOTED_FILE = "router.model";

    private TrainRouterCommand() {
    }

    public static int run(List<String> arguments, PrintStream out) {
        List<Path> inputs = new ArrayList<>();
        List<Path> holdout = new ArrayList<>();
        Path outDir = null;
        Path current = null;
        double targetPrecision = DomainModelTrainer.Settings.defaults().targetPrecision();
        try {
            for (int i = 0; i < arguments.size(); i++) {
                String name = arguments.get(i);
                String value;
                if (name.contains("=")) {
                    value = name.substring(name.indexOf('=') + 1);
                    name = name.substring(0, name.indexOf('='));
                } else if (i + 1 < arguments.size()) {
                    value = arguments.get(++i);
                } else {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                switch (name) {
                    case "--input" -> inputs.add(Path.of(value));
                    case "--holdout" -> holdout.add(Path.of(value));
                    case "--out" -> outDir = Path.of(value);
                    case "--current" -> current = Path.of(value);
                    case "--target-precision" -> targetPrecision = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (inputs.isEmpty() || outDir == null) {
                throw new IllegalArgumentException("give --input FILE (one or more) and --out DIR");
            }
            if (!(targetPrecision > 0 && targetPrecision < 1)) {
                throw new IllegalArgumentException("--target-precision must be between 0 and 1");
            }
        } catch (IllegalArgumentException e) {
            out.println("train-router: " + e.getMessage());
            out.println("usage: train-router --input FILE [--input FILE ...] --out DIR [--holdout FILE ...]"
                    + " [--current MODEL] [--target-precision 0.95]");
            return USAGE;
        }
        return run(inputs, holdout, outDir, current, targetPrecision, out);
    }

    /** Trains from checked arguments (the command line's {@code train-router}); returns the exit status. */
    public static int run(List<Path> inputs, List<Path> holdout, Path outDir, Path current, double targetPrecision,
                          PrintStream out) {
        try {
            return train(inputs, holdout, outDir, current, targetPrecision, out);
        } catch (RouterTraining.RejectedHistory | DomainModelFile.InvalidModelException e) {
            System.err.println("train-router: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            System.err.println("train-router: " + e.getMessage());
            return FAILED;
        }
    }

    private static int train(List<Path> inputs, List<Path> holdout, Path outDir, Path current, double targetPrecision,
                             PrintStream out) throws IOException {
        List<HistoryFile.Rows> rows = read(inputs, out);
        List<HistoryFile.Rows> heldOut = read(holdout, out);
        ChineseAnalyzer analyzer = ChineseAnalyzer.withDefaultResources();
        RoutingFeatures features = new RoutingFeatures(analyzer);
        DomainModel currentModel = currentModel(current, features, out);
        DomainModelTrainer.Settings defaults = DomainModelTrainer.Settings.defaults();
        DomainModelTrainer.Settings settings = new DomainModelTrainer.Settings(defaults.cost(), defaults.minDocuments(),
                defaults.folds(), targetPrecision, defaults.seed());
        RouterTraining.Outcome outcome = new RouterTraining(features, Clock.systemUTC())
                .run(rows, heldOut, currentModel, settings);

        Files.createDirectories(outDir);
        String version = outcome.model().version();
        Path modelFile = outDir.resolve(version + ".model");
        DomainModelFile.write(outcome.model(), modelFile);
        Files.writeString(outDir.resolve(version + ".report.md"), outcome.markdown(), StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve(version + ".report.json"),
                JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(outcome.report()),
                StandardCharsets.UTF_8);
        out.println("model " + modelFile + " (" + outcome.report().get("trainingSeconds") + " s)");
        out.println("report " + outDir.resolve(version + ".report.md"));
        @SuppressWarnings("unchecked")
        Map<String, Object> crossValidation = (Map<String, Object>) outcome.report().get("crossValidation");
        out.println("cross-validation: macro-F1 " + crossValidation.get("macroF1") + ", accuracy "
                + crossValidation.get("accuracy") + ", calibration error " + crossValidation.get("expectedCalibrationError"));
        out.println(outcome.report().get("decision"));
        if (outcome.promoted()) {
            Files.copy(modelFile, outDir.resolve(PROMOTED_FILE), StandardCopyOption.REPLACE_EXISTING);
            out.println("promoted: " + outDir.resolve(PROMOTED_FILE));
            return PROMOTED;
        }
        return NOT_PROMOTED;
    }

    private static List<HistoryFile.Rows> read(List<Path> files, PrintStream out) throws IOException {
        List<HistoryFile.Rows> rows = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                HistoryFile.Rows read = HistoryFile.read(file.toString(), in);
                out.println(file + ": " + read.total() + " rows (" + read.charset() + "), " + read.bad().size() + " left out");
                rows.add(read);
            } catch (IllegalArgumentException e) {
                throw new RouterTraining.RejectedHistory(e.getMessage());
            }
        }
        return rows;
    }

    private static DomainModel currentModel(Path current, RoutingFeatures features, PrintStream out) {
        if (current == null) {
            String configured = org.bianmin.local.LocalSettings.get(org.bianmin.local.LocalSettings.ROUTER_MODEL);
            if (configured != null && !configured.isBlank() && !configured.startsWith("s3://")) {
                current = Path.of(configured);
            }
        }
        if (current != null) {
            DomainModel model = DomainModelFile.read(current);
            out.println("current model " + model.version() + " (" + current + ")");
            return model;
        }
        DomainModel builtIn = RequestClassifier.builtInModel(Taxonomy.loadDefault(), new KnowledgeBaseLoader().load().entries(),
                features);
        out.println("current model " + builtIn.version() + " (built in)");
        return builtIn;
    }
}
