package org.bianmin.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bianmin.inquiry.application.EmergencyKind;
import org.bianmin.inquiry.application.SafetyCheck;
import org.bianmin.inquiry.application.SafetyRules;
import org.bianmin.testing.JsonLinesResources;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The safety check on its own labeled set ({@code evaluation/safety-messages.jsonl}): emergencies typed, spoken
 * (speech-recognition text without punctuation) and told as long stories, and ordinary messages that look like
 * them (fire inspections, gas bills, past fires, figures of speech). The set was written before the patterns.
 */
class SafetyEvaluationTest {

    record Message(String text, String kind, String group) {
        boolean emergency() {
            return kind != null;
        }
    }

    private final SafetyCheck safety = new SafetyCheck(SafetyRules.load());

    @Test
    void findsEmergenciesWithoutFalseAlarms() {
        List<Message> messages = load();
        assertThat(messages.stream().filter(Message::emergency)).hasSizeGreaterThanOrEqualTo(150);
        assertThat(messages.stream().filter(m -> !m.emergency())).hasSizeGreaterThanOrEqualTo(300);

        Map<String, int[]> groups = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        int found = 0;
        int falseAlarms = 0;
        int rightKind = 0;
        for (Message message : messages) {
            Optional<EmergencyKind> detected = safety.detect(message.text());
            boolean correct = detected.isPresent() == message.emergency();
            int[] counts = groups.computeIfAbsent(message.group(), g -> new int[2]);
            counts[0]++;
            counts[1] += correct ? 1 : 0;
            if (message.emergency() && detected.isPresent()) {
                found++;
                rightKind += detected.get().id().startsWith(message.kind()) ? 1 : 0;
            }
            if (!message.emergency() && detected.isPresent()) {
                falseAlarms++;
            }
            if (!correct || detected.isPresent() && !detected.get().id().startsWith(message.kind())) {
                errors.add(String.format(Locale.ROOT, "- [%s] %s | expected %s | got %s", message.group(),
                        message.text(), message.kind(), detected.map(EmergencyKind::id).orElse("none")));
            }
        }
        long emergencies = messages.stream().filter(Message::emergency).count();
        long ordinary = messages.size() - emergencies;
        double recall = (double) found / emergencies;
        double falseAlarmRate = (double) falseAlarms / ordinary;
        double kindAccuracy = (double) rightKind / found;

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "safety check: recall %.3f (%d/%d), false alarms %.3f (%d/%d), kind right %.3f of those found%n",
                recall, found, emergencies, falseAlarmRate, falseAlarms, ordinary, kindAccuracy));
        groups.forEach((group, counts) -> report.append(String.format(Locale.ROOT, "  %-22s %3d messages, %.3f right%n",
                group, counts[0], (double) counts[1] / counts[0])));
        report.append("Errors and wrong kinds:").append(System.lineSeparator())
                .append(String.join(System.lineSeparator(), errors));
        System.out.println(report);

        assertThat(recall).as(report.toString()).isGreaterThanOrEqualTo(0.99);
        assertThat(falseAlarmRate).as(report.toString()).isLessThanOrEqualTo(0.01);
        assertThat(kindAccuracy).as(report.toString()).isGreaterThanOrEqualTo(0.90);
    }

    static List<Message> load() {
        return JsonLinesResources.read("evaluation/safety-messages.jsonl").stream().map(node -> {
            JsonNode kind = node.get("emergency");
            return new Message(node.get("text").stringValue(), kind.isNull() ? null : kind.stringValue(),
                    node.get("group").stringValue());
        }).toList();
    }
}
