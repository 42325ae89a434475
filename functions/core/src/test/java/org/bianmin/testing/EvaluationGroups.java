package org.bianmin.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
        JsonMapper json = JsonMapper.builder().build();
        List<Question> questions = new ArrayList<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:evaluation/groups-*.jsonl");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (!line.isBlank()) {
                            JsonNode node = json.readTree(line);
                            Set<String> expected = new LinkedHashSet<>();
                            node.get("expected").forEach(e -> expected.add(e.stringValue()));
                            questions.add(new Question(node.get("question").stringValue(), Set.copyOf(expected),
                                    node.get("group").stringValue()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return questions;
    }
}
