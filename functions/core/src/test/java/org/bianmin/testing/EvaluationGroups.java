package org.bianmin.testing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The grouped evaluation questions ({@code src/test/resources/evaluation/groups-*.jsonl}), written for this project
 * as callers really ask: misheard by a speech recognizer (phone), told as a long story (narrative), in dialect or
 * colloquial words (dialect), and two questions in one message (two-in-one). Each names the entry or entries that
 * answer it; any of them at rank 1 counts (for two-in-one, either of the two questions' entries).
 */
public final class EvaluationGroups {

    public record Question(String text, Set<String> expected, String group) {
    }

    private EvaluationGroups() {
    }

    public static List<Question> load() {
        return load("evaluation/groups-*.jsonl");
    }

    /** Questions in the same form from other files; an empty {@code expected} means no entry answers it. */
    public static List<Question> load(String pattern) {
        return JsonLinesResources.read(pattern).stream().map(node -> {
            Set<String> expected = new LinkedHashSet<>();
            node.get("expected").forEach(e -> expected.add(e.stringValue()));
            return new Question(node.get("question").stringValue(), Set.copyOf(expected), node.get("group").stringValue());
        }).toList();
    }
}
