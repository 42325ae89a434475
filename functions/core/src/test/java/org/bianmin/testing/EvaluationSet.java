package org.bianmin.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
        JsonMapper json = JsonMapper.builder().build();
        List<Question> questions = new ArrayList<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:evaluation/questions-*.jsonl");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (!line.isBlank()) {
                            JsonNode node = json.readTree(line);
                            questions.add(new Question(node.get("question").stringValue(), node.get("expected").stringValue()));
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
