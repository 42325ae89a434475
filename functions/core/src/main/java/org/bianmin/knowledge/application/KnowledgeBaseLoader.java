package org.bianmin.knowledge.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.knowledge.model.KnowledgeEntry;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Loads every {@code knowledge/entries/*.jsonl} file from the classpath. Any broken line stops the load with
 * the file name and line number: a half-loaded knowledge base would give citizens wrong answers silently.
 */
public final class KnowledgeBaseLoader {

    public static final String DEFAULT_LOCATION = "classpath*:knowledge/entries/*.jsonl";

    private final EntryParser parser = new EntryParser();

    public KnowledgeBase load() {
        return load(DEFAULT_LOCATION);
    }

    public KnowledgeBase load(String locationPattern) {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources(locationPattern);
        } catch (IOException e) {
            throw new KnowledgeBaseException("cannot list knowledge files at " + locationPattern, e);
        }
        if (resources.length == 0) {
            throw new KnowledgeBaseException("no knowledge files at " + locationPattern);
        }
        Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
        List<KnowledgeEntry> entries = new ArrayList<>();
        Map<String, String> firstSeen = new HashMap<>();
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                for (KnowledgeEntry entry : read(resource.getFilename(), in)) {
                    String where = firstSeen.putIfAbsent(entry.id(), resource.getFilename());
                    if (where != null) {
                        throw new KnowledgeBaseException(resource.getFilename() + ": duplicate id '" + entry.id()
                                + "' (first in " + where + ")");
                    }
                    entries.add(entry);
                }
            } catch (IOException e) {
                throw new KnowledgeBaseException("cannot read " + resource.getFilename(), e);
            }
        }
        return new KnowledgeBase(entries);
    }

    /** Parses one JSON Lines stream; {@code fileName} only labels errors. */
    public List<KnowledgeEntry> read(String fileName, InputStream in) throws IOException {
        List<KnowledgeEntry> entries = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                entries.add(parser.parse(line));
            } catch (IllegalArgumentException e) {
                throw new KnowledgeBaseException(fileName + ":" + number + ": " + e.getMessage());
            }
        }
        return entries;
    }
}
