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

/** The lines of JSON Lines test resources (evaluation and labeled sets), files in name order, blank lines skipped. */
public final class JsonLinesResources {

    private static final JsonMapper json = JsonMapper.builder().build();

    private JsonLinesResources() {
    }

    /** @param pattern a classpath pattern such as {@code evaluation/questions-*.jsonl} */
    public static List<JsonNode> read(String pattern) {
        List<JsonNode> lines = new ArrayList<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:" + pattern);
            if (files.length == 0) {
                throw new IllegalStateException("no test resource matches " + pattern);
            }
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (!line.isBlank()) {
                            lines.add(json.readTree(line));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
