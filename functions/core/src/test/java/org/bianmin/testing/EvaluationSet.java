package org.bianmin.testing;

import java.util.List;

/**
 * Realistic citizen questions, each with the entry that should answer it, written independently of the entries'
 * own question lists ({@code src/test/resources/evaluation/questions-*.jsonl}).
 */
public final class EvaluationSet {

    public record Question(String text, String expected) {
    }

    private EvaluationSet() {
    }

    public static List<Question> load() {
        return JsonLinesResources.read("evaluation/questions-*.jsonl").stream()
                .map(node -> new Question(node.get("question").stringValue(), node.get("expected").stringValue()))
                .toList();
    }
}
