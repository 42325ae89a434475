package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bianmin.hotline.classification.Classification;
import org.bianmin.hotline.classification.DomainModel;
import org.bianmin.hotline.classification.DomainModelFile;
import org.bianmin.hotline.classification.DomainModelTrainer;
import org.bianmin.hotline.classification.LabeledText;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.classification.RoutingFeatures;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.hotline.training.HistoryFile;
import org.bianmin.hotline.training.RouterTraining;
import org.bianmin.knowledge.model.Domain;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training from history files, the model file, and serving a trained model: on the project's own labeled
 * messages (written here), so it runs everywhere.
 */
class RouterTrainingTest {

    static final RoutingFeatures FEATURES = new RoutingFeatures(Knowledge.ANALYZER);
    static List<LabeledText> labeled;
    static DomainModel model;

    @BeforeAll
    static void train() {
        labeled = ClassifierQualityTest.load().stream()
                .map(l -> new LabeledText(l.text(), Domain.fromLabel(l.domain()).orElseThrow())).toList();
        model = new DomainModelTrainer(FEATURES).train(labeled, new DomainModelTrainer.Settings(2, 1, 3, 0.9, 1),
                "router-test", Map.of("source", "test")).model();
    }

    @Test
    void modelFileRoundTripsToTheSameDecisions(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("router.model");
        DomainModelFile.write(model, file);
        DomainModel read = DomainModelFile.read(file);

        assertThat(read.version()).isEqualTo(model.version()).startsWith("router-test-");
        assertThat(read.domains()).isEqualTo(model.domains());
        assertThat(read.triageThreshold()).isEqualTo(model.triageThreshold());
        assertThat(read.details()).containsEntry("source", "test").containsKey("crossValidationMacroF1");
        for (LabeledText text : labeled.subList(0, 20)) {
            assertThat(read.rank(FEATURES.terms(text.text()))).isEqualTo(model.rank(FEATURES.terms(text.text())));
        }
    }

    @Test
    void damagedOrForeignModelFilesAreRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.model");
        DomainModelFile.write(model, good);
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = dir.resolve("truncated.model");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> DomainModelFile.read(truncated))
                .isInstanceOf(DomainModelFile.InvalidModelException.class)
                .hasMessageContaining(truncated.toString());

        Path notAModel = dir.resolve("notes.model");
        Files.writeString(notAModel, "not a model");
        assertThatThrownBy(() -> DomainModelFile.read(notAModel))
                .isInstanceOf(DomainModelFile.InvalidModelException.class)
                .hasMessageContaining(notAModel.toString());

        Path missing = dir.resolve("missing.model");
        assertThatThrownBy(() -> DomainModelFile.read(missing))
                .isInstanceOf(DomainModelFile.InvalidModelException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("no such file");
    }

    @Test
    void aTrainedModelRoutesAndNamesItsVersion() {
        RequestClassifier classifier = new RequestClassifier(Taxonomy.loadDefault(), Knowledge.ANALYZER, model);

        Classification result = classifier.classify("我家楼下那条路的路灯已经坏了一个多星期，晚上一片漆黑，老人孩子出门很不安全，请尽快派人来修。");

        assertThat(result.modelVersion()).isEqualTo(model.version());
        assertThat(result.domain()).isEqualTo("城乡建设");
        assertThat(result.terms()).isNotEmpty();
        assertThat(result.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void historyFilesInJsonLinesAndGbkCsvWithBadRowsCountedByLine() throws IOException {
        String jsonl = """
                {"text":"小区路灯坏了","label":"城乡建设"}
                {"subject":"工资拖欠","detail":"公司三个月没发工资","label":"劳动和社会保障"}
                not json
                {"text":"","label":"城乡建设"}
                {"text":"噪音扰民","label":"没有这个领域"}
                """;
        HistoryFile.Rows rows = HistoryFile.read("history.jsonl", new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)));
        assertThat(rows.texts()).extracting(LabeledText::domain)
                .containsExactly(Domain.URBAN_CONSTRUCTION, Domain.LABOUR_SOCIAL_SECURITY);
        assertThat(rows.texts().get(1).text()).isEqualTo("工资拖欠\n公司三个月没发工资");
        assertThat(rows.bad()).extracting(HistoryFile.BadRow::line).containsExactly(3L, 4L, 5L);

        String csv = "留言主题,留言详情,一级标签\r\n"
                + "路灯不亮,\"桂花路的路灯坏了，晚上很黑\",城乡建设\r\n"
                + "学校乱收费,开学要交资料费,教育文体\r\n"
                + "只有两列,城乡建设\r\n";
        HistoryFile.Rows gbk = HistoryFile.read("export.csv", new ByteArrayInputStream(csv.getBytes(Charset.forName("GBK"))));
        assertThat(gbk.charset()).isEqualTo("GBK");
        assertThat(gbk.texts()).extracting(LabeledText::text)
                .containsExactly("路灯不亮\n桂花路的路灯坏了，晚上很黑", "学校乱收费\n开学要交资料费");
        assertThat(gbk.bad()).extracting(HistoryFile.BadRow::line).containsExactly(4L);
    }

    @Test
    void historyWithMoreThanFivePercentBadRowsIsRejected() throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 18; i++) {
            jsonl.append("{\"text\":\"路灯坏了").append(i).append("\",\"label\":\"城乡建设\"}\n");
        }
        jsonl.append("{\"label\":\"城乡建设\"}\n{\"text\":\"没有标签\"}\n");
        HistoryFile.Rows rows = HistoryFile.read("bad.jsonl", new ByteArrayInputStream(jsonl.toString().getBytes(StandardCharsets.UTF_8)));
        RouterTraining training = new RouterTraining(FEATURES, Clock.systemUTC());

        assertThatThrownBy(() -> training.run(List.of(rows), List.of(), null, DomainModelTrainer.Settings.defaults()))
                .isInstanceOf(RouterTraining.RejectedHistory.class)
                .hasMessageContaining("2 of 20 rows")
                .hasMessageContaining("bad.jsonl line 19: no text")
                .hasMessageContaining("bad.jsonl line 20: no label");
    }

    @Test
    void aModelIsPromotedOnlyWhenNotWorseOnHeldOutTexts() throws IOException {
        RouterTraining training = new RouterTraining(FEATURES, Clock.systemUTC());
        HistoryFile.Rows history = new HistoryFile.Rows(labeled, List.of(), "UTF-8");
        DomainModelTrainer.Settings settings = new DomainModelTrainer.Settings(2, 1, 3, 0.9, 1);

        RouterTraining.Outcome better = training.run(List.of(history), List.of(), null, settings);
        assertThat(better.promoted()).isTrue();

        // a "current" model that is perfect on the held-out texts cannot be beaten by a new one trained on less
        List<LabeledText> oneDomainEach = labeled.stream().filter(t -> t.text().length() % 2 == 0).toList();
        HistoryFile.Rows poorer = new HistoryFile.Rows(oneDomainEach.subList(0, Math.min(60, oneDomainEach.size())), List.of(), "UTF-8");
        HistoryFile.Rows heldOut = new HistoryFile.Rows(labeled, List.of(), "UTF-8");
        RouterTraining.Outcome worse = training.run(List.of(poorer), List.of(heldOut), better.model(), settings);
        assertThat(worse.promoted()).isFalse();
        assertThat(worse.markdown()).contains("NOT promoted");
        assertThat(worse.report()).containsEntry("promoted", false).containsKey("holdout").containsKey("current");
    }
}
