package org.bianmin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bianmin.knowledge.KnowledgeSearch;
import org.bianmin.knowledge.RankedEntry;

/** Top-1 accuracy and MRR@5 of one engine over the evaluation set, with every miss listed. */
public record RetrievalEvaluation(String engine, int questions, double top1, double mrrAt5, List<String> misses,
                                  List<List<String>> top3) {

    public static RetrievalEvaluation run(String engine, KnowledgeSearch search, List<EvaluationSet.Question> set) {
        int hits = 0;
        double reciprocalRanks = 0;
        List<String> misses = new ArrayList<>();
        List<List<String>> top3 = new ArrayList<>();
        for (EvaluationSet.Question question : set) {
            List<String> ranked = search.search(question.text(), 5).stream().map(r -> r.entry().id()).toList();
            top3.add(ranked.subList(0, Math.min(3, ranked.size())));
            int rank = ranked.indexOf(question.expected()) + 1;
            if (rank == 1) {
                hits++;
            } else {
                List<RankedEntry> got = search.search(question.text(), 1);
                misses.add(String.format(Locale.ROOT, "- %s | expected %s | rank %s | got %s | tokens %s", question.text(),
                        question.expected(), rank == 0 ? ">5" : Integer.toString(rank),
                        got.isEmpty() ? "nothing" : got.get(0).entry().id(), search.analyze(question.text())));
            }
            if (rank > 0) {
                reciprocalRanks += 1.0 / rank;
            }
        }
        return new RetrievalEvaluation(engine, set.size(), (double) hits / set.size(), reciprocalRanks / set.size(),
                misses, top3);
    }

    public String report() {
        return String.format(Locale.ROOT, "# Retrieval evaluation: %s%n%nquestions: %d, top-1: %.3f, MRR@5: %.3f%n%nMisses (%d):%n%s%n",
                engine, questions, top1, mrrAt5, misses.size(), String.join(System.lineSeparator(), misses));
    }

    /** Writes the report next to the build output ({@code target/evaluation-<engine>.md}) and returns it. */
    public String writeReport() {
        String report = report();
        try {
            Path dir = Path.of(System.getProperty("bianmin.reports", "target"));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("evaluation-" + engine + ".md"), report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return report;
    }
}
