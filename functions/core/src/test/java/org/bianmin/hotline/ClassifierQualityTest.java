package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.bianmin.hotline.classification.Classification;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.testing.JsonLinesResources;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;

/**
 * Routing quality on the labeled hotline messages ({@code src/test/resources/hotline/labeled-messages-*.jsonl},
 * written independently of the taxonomy and the knowledge base). The report
 * ({@code target/classifier-evaluation.md}) gives accuracy, per-domain precision, recall and F1, and every miss.
 */
class ClassifierQualityTest {

    record Labeled(String text, String domain, String leaf) {
    }

    @Test
    void domainMacroF1IsAtLeast085() throws IOException {
        RequestClassifier classifier = new RequestClassifier(Taxonomy.loadDefault(), Knowledge.BASE.entries(), Knowledge.ANALYZER);
        List<Labeled> set = load();
        assertThat(set).hasSizeGreaterThanOrEqualTo(300);

        Map<String, int[]> perDomain = new TreeMap<>(); // tp, fp, fn
        int domainHits = 0;
        int leafHits = 0;
        int triaged = 0;
        int automaticHits = 0;
        List<String> misses = new ArrayList<>();
        for (Labeled labeled : set) {
            Classification result = classifier.classify(labeled.text());
            perDomain.computeIfAbsent(labeled.domain(), d -> new int[3]);
            perDomain.computeIfAbsent(result.domain(), d -> new int[3]);
            if (result.domain().equals(labeled.domain())) {
                domainHits++;
                perDomain.get(labeled.domain())[0]++;
            } else {
                perDomain.get(result.domain())[1]++;
                perDomain.get(labeled.domain())[2]++;
                misses.add("- " + labeled.text() + " | expected " + labeled.domain() + " | got " + result.domain()
                        + " (" + result.confidence() + ") | terms " + result.terms());
            }
            if (result.categoryCode().equals(labeled.leaf())) {
                leafHits++;
            }
            if (result.manualTriage()) {
                triaged++;
            } else if (result.domain().equals(labeled.domain())) {
                automaticHits++;
            }
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "# Classifier evaluation%n%nmessages: %d, domain accuracy: %.3f, leaf accuracy: %.3f%n%n"
                        + "| domain | precision | recall | F1 |%n| --- | --- | --- | --- |%n",
                set.size(), (double) domainHits / set.size(), (double) leafHits / set.size()));
        double f1Sum = 0;
        for (Map.Entry<String, int[]> entry : perDomain.entrySet()) {
            int[] c = entry.getValue();
            double precision = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
            double recall = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            f1Sum += f1;
            report.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", entry.getKey(), precision, recall, f1));
        }
        double macroF1 = f1Sum / perDomain.size();
        double triageRate = (double) triaged / set.size();
        double automaticAccuracy = (double) automaticHits / (set.size() - triaged);
        report.append(String.format(Locale.ROOT, "%nmacro-F1 (domains): %.3f%nmanual triage: %.3f of requests;"
                        + " domain accuracy of the automatically routed: %.3f%n%nMisses (%d):%n%s%n", macroF1,
                triageRate, automaticAccuracy, misses.size(), String.join(System.lineSeparator(), misses)));
        Path reports = Path.of(System.getProperty("bianmin.reports", "target"));
        Files.createDirectories(reports);
        Files.writeString(reports.resolve("classifier-evaluation.md"), report, StandardCharsets.UTF_8);
        System.out.println(report);
        assertThat(macroF1).as(report.toString()).isGreaterThanOrEqualTo(0.85);
        // triage catches unsure cases without sending most requests to a person
        assertThat(triageRate).as(report.toString()).isLessThanOrEqualTo(0.20);
        assertThat(automaticAccuracy).as(report.toString()).isGreaterThanOrEqualTo(0.95);
    }

    static List<Labeled> load() {
        return JsonLinesResources.read("hotline/labeled-messages-*.jsonl").stream()
                .map(node -> new Labeled(node.get("text").stringValue(), node.get("domain").stringValue(),
                        node.get("leaf").stringValue()))
                .toList();
    }
}
