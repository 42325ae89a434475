package org.bianmin.hotline.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bianmin.knowledge.model.Domain;
import org.bianmin.knowledge.model.KnowledgeEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The text the built-in domain model learns from when a city has no history yet, all written by the project:
 * <ul>
 *   <li>the taxonomy: each leaf's names, keywords and description, and each of its examples;</li>
 *   <li>the knowledge base: each entry's title and question with its tags, each way of asking it, and its
 *       answer (summary and steps);</li>
 *   <li>{@link #MESSAGES}: citizen messages written for routing, of the length and manner of real ones (long,
 *       naming places and people, several complaints at once), each with the domain a city's hotline files it
 *       under. They are kept in several files so that each can grow on its own (one per group of domains).</li>
 * </ul>
 */
final class BuiltInTrainingText {

    static final List<String> MESSAGES = List.of(
            "hotline/routing-messages.jsonl",
            "hotline/routing-messages-city-labour-education.jsonl",
            "hotline/routing-messages-trade-environment-health-transport.jsonl");

    private BuiltInTrainingText() {
    }

    static List<LabeledText> collect(Taxonomy taxonomy, Collection<KnowledgeEntry> entries) {
        List<LabeledText> texts = new ArrayList<>();
        for (Leaf leaf : taxonomy.leaves()) {
            texts.add(new LabeledText(leaf.categoryName() + " " + leaf.name() + " " + String.join(" ", leaf.keywords())
                    + " " + leaf.description(), leaf.domain()));
            for (String example : leaf.examples()) {
                texts.add(new LabeledText(example, leaf.domain()));
            }
        }
        for (KnowledgeEntry entry : entries) {
            texts.add(new LabeledText(Stream.concat(Stream.of(entry.title(), entry.question(), entry.category()),
                    entry.tags().stream()).collect(Collectors.joining(" ")), entry.domain()));
            // answers are longer and wordier than questions, closer to how citizens write a complaint
            texts.add(new LabeledText(entry.answer().summary() + " " + String.join(" ", entry.answer().steps()), entry.domain()));
            for (String variant : entry.variants()) {
                texts.add(new LabeledText(variant, entry.domain()));
            }
        }
        texts.addAll(messages());
        return texts;
    }

    static List<LabeledText> messages() {
        List<LabeledText> texts = new ArrayList<>();
        for (String resource : MESSAGES) {
            texts.addAll(messages(resource));
        }
        return texts;
    }

    private static List<LabeledText> messages(String resource) {
        try (InputStream in = BuiltInTrainingText.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            JsonMapper json = JsonMapper.builder().build();
            List<LabeledText> texts = new ArrayList<>();
            int line = 0;
            for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int number = ++line;
                if (row.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(row);
                String label = node.path("domain").asString("");
                Domain domain = Domain.fromLabel(label).orElseThrow(
                        () -> new IllegalStateException(resource + " line " + number + ": unknown domain " + label));
                texts.add(new LabeledText(node.required("text").stringValue(), domain));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
