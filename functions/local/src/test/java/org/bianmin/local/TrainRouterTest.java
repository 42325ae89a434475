package org.bianmin.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bianmin.hotline.classification.DomainModel;
import org.bianmin.hotline.classification.DomainModelFile;
import org.bianmin.local.routing.TrainRouterCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code train-router} as an operator runs it, on history files made from the project's own routing messages:
 * JSON Lines and a GBK CSV with bad rows, the model and report it writes, and a runtime that refuses to start on a
 * damaged model file.
 */
class TrainRouterTest {

    @Test
    void trainsFromJsonLinesAndGbkCsvAndWritesTheModelAndReport(@TempDir Path dir) throws IOException {
        List<String[]> messages = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("hotline/routing-messages.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode node = json.readTree(line);
                    messages.add(new String[] {node.get("text").stringValue(), node.get("domain").stringValue()});
                }
            }
        }
        StringBuilder jsonl = new StringBuilder();
        StringBuilder csv = new StringBuilder("留言详情,一级标签\r\n");
        for (int i = 0; i < messages.size(); i++) {
            String[] m = messages.get(i);
            if (i % 2 == 0) {
                jsonl.append(json.writeValueAsString(Map.of("text", m[0], "label", m[1]))).append('\n');
            } else {
                csv.append('"').append(m[0].replace("\"", "\"\"")).append("\",").append(m[1]).append("\r\n");
            }
        }
        jsonl.append("{\"text\":\"只有文字没有领域\"}\n");
        Path history = dir.resolve("history.jsonl");
        Files.writeString(history, jsonl, StandardCharsets.UTF_8);
        Path export = dir.resolve("export.csv");
        Files.write(export, csv.toString().getBytes(Charset.forName("GBK")));
        Path out = dir.resolve("models");

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int status = TrainRouterCommand.run(new ArrayList<>(List.of("--input", history.toString(), "--input",
                export.toString(), "--out", out.toString())), new PrintStream(console, true, StandardCharsets.UTF_8));

        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isIn(TrainRouterCommand.PROMOTED, TrainRouterCommand.NOT_PROMOTED);
        assertThat(printed).contains("export.csv: " + (messages.size() / 2) + " rows (GBK)");
        Path model = Files.list(out).filter(p -> p.toString().endsWith(".model") && p.getFileName().toString().startsWith("router-"))
                .findFirst().orElseThrow();
        DomainModel read = DomainModelFile.read(model);
        assertThat(model.getFileName().toString()).isEqualTo(read.version() + ".model");
        String report = Files.readString(out.resolve(read.version() + ".report.md"));
        assertThat(report).contains("5-fold cross-validation", "Confusion", "Reliability", "expected calibration error",
                "history.jsonl line " + (messages.size() / 2 + messages.size() % 2 + 1) + ": no label");
        JsonNode reportJson = json.readTree(out.resolve(read.version() + ".report.json").toFile());
        assertThat(reportJson.get("crossValidation").get("domains").size()).isEqualTo(read.domains().size());
        assertThat(Files.exists(out.resolve(TrainRouterCommand.PROMOTED_FILE)))
                .isEqualTo(status == TrainRouterCommand.PROMOTED);
    }

    @Test
    void missingInputsAreAUsageError() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int status = TrainRouterCommand.run(new ArrayList<>(List.of("--out", "x")), new PrintStream(console, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(TrainRouterCommand.USAGE);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("give --input FILE");
    }

    @Test
    void aDamagedRouterModelStopsTheStartNamingTheFile(@TempDir Path dir) throws Exception {
        Path damaged = dir.resolve("router.model");
        Files.writeString(damaged, "this is not a model");
        try (RuntimeProcess runtime = RuntimeProcess.launch(dir.resolve("data"), Map.of("BIANMIN_ROUTER_MODEL", damaged.toString()))) {
            int exit = runtime.awaitExit();
            assertThat(exit).as(runtime.output()).isNotZero();
            assertThat(runtime.output()).contains("router model " + damaged);
        }
    }
}
