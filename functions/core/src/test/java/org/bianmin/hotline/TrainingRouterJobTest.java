package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.hotline.classification.DomainModel;
import org.bianmin.hotline.classification.DomainModelFile;
import org.bianmin.hotline.classification.DomainModelTrainer;
import org.bianmin.hotline.classification.LabeledText;
import org.bianmin.hotline.training.RouterTraining;
import org.bianmin.hotline.training.TrainingRouterJob;
import org.bianmin.hotline.training.TrainingStorage;
import org.bianmin.knowledge.model.Domain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The training function's job (train-router over object storage) through a directory-backed storage: S3 itself
 * cannot run here, so the S3 adapter is the thin part left to the deployment check. On the project's own labeled
 * messages, so it runs everywhere.
 */
class TrainingRouterJobTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static List<LabeledText> labeled;
    private static List<LabeledText> poor;

    /** Objects as files under a directory: the same keys, the same "absent" answer as S3's NoSuchKey. */
    record DirectoryStorage(Path root) implements TrainingStorage {

        @Override
        public Optional<InputStream> open(String key) throws IOException {
            Path file = root.resolve(key);
            return Files.exists(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
        }

        @Override
        public void write(String key, byte[] content, String contentType) throws IOException {
            Path file = root.resolve(key);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        }

        @Override
        public String describe(String key) {
            return "dir:" + key;
        }
    }

    @BeforeAll
    static void messages() {
        labeled = ClassifierQualityTest.load().stream()
                .map(l -> new LabeledText(l.text(), Domain.fromLabel(l.domain()).orElseThrow())).toList();
        List<LabeledText> some = labeled.stream().filter(t -> t.text().length() % 2 == 0).toList();
        poor = some.subList(0, Math.min(60, some.size()));
    }

    private static void history(Path root, String key, List<LabeledText> texts) throws IOException {
        StringBuilder lines = new StringBuilder();
        texts.forEach(t -> lines.append(json.writeValueAsString(Map.of("text", t.text(), "label", t.domain().label()))).append('\n'));
        Files.createDirectories(root.resolve(key).getParent());
        Files.writeString(root.resolve(key), lines, StandardCharsets.UTF_8);
    }

    private static TrainingRouterJob job(Path root) {
        return new TrainingRouterJob(new DirectoryStorage(root), new RouterTraining(RouterTrainingTest.FEATURES, Clock.systemUTC()),
                () -> new DomainModelTrainer(RouterTrainingTest.FEATURES).train(poor, new DomainModelTrainer.Settings(2, 1, 3, 0.9, 1),
                        "builtin-stand-in", Map.of()).model());
    }

    private static TrainingRouterJob.Request request(String... inputs) {
        return new TrainingRouterJob.Request(List.of(inputs), List.of("holdout/all.jsonl"), "models/", "models/router.model", 0.9);
    }

    @Test
    void aBetterModelIsWrittenAndPromotedAndAWorseOneIsWrittenButNotPromoted(@TempDir Path root) throws IOException {
        history(root, "history/good.jsonl", labeled);
        history(root, "history/poor.jsonl", poor);
        history(root, "holdout/all.jsonl", labeled);

        TrainingRouterJob.Result first = job(root).run(request("history/good.jsonl"));
        assertThat(first.promoted()).as(first.decision()).isTrue();
        assertThat(first.model()).isEqualTo("dir:models/" + first.version() + ".model");
        assertThat(first.currentModel()).isEqualTo("dir:models/router.model");
        assertThat(Files.readString(root.resolve("models/" + first.version() + ".report.md"))).contains(first.version(), "promoted");
        assertThat(json.readTree(root.resolve("models/" + first.version() + ".report.json").toFile()).get("promoted").booleanValue()).isTrue();
        DomainModel promoted = DomainModelFile.read(root.resolve("models/router.model"));
        assertThat(promoted.version()).isEqualTo(first.version());
        assertThat(first.crossValidation()).containsKeys("macroF1", "accuracy", "expectedCalibrationError");

        TrainingRouterJob.Result second = job(root).run(request("history/poor.jsonl"));
        assertThat(second.promoted()).as(second.decision()).isFalse();
        assertThat(second.decision()).contains("NOT promoted", first.version());
        assertThat(root.resolve("models/" + second.version() + ".model")).exists();
        assertThat(DomainModelFile.read(root.resolve("models/router.model")).version())
                .as("the current model stays").isEqualTo(first.version());
    }

    @Test
    void aMissingHistoryObjectOrADamagedCurrentModelStopsTheJobNamingIt(@TempDir Path root) throws IOException {
        history(root, "holdout/all.jsonl", labeled);
        assertThatThrownBy(() -> job(root).run(request("history/missing.jsonl")))
                .isInstanceOf(RouterTraining.RejectedHistory.class).hasMessageContaining("dir:history/missing.jsonl");
        assertThatThrownBy(() -> job(root).run(request()))
                .isInstanceOf(RouterTraining.RejectedHistory.class).hasMessageContaining("no input");

        history(root, "history/good.jsonl", labeled);
        Files.createDirectories(root.resolve("models"));
        Files.writeString(root.resolve("models/router.model"), "not a model");
        assertThatThrownBy(() -> job(root).run(request("history/good.jsonl")))
                .isInstanceOf(DomainModelFile.InvalidModelException.class).hasMessageContaining("dir:models/router.model");
        assertThat(Files.list(root.resolve("models")).toList()).as("nothing written").hasSize(1);
    }
}
