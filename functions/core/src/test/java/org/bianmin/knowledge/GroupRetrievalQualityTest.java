package org.bianmin.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.bianmin.testing.EvaluationGroups;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retrieval top-1 per group of callers' questions (misheard on the phone, long stories, dialect, two in one), on
 * both engines, and their parity. A question counts when the first entry is one of its expected entries. The
 * per-group floors are what was reached; docs/inquiry.md gives the numbers and the misses are printed.
 */
class GroupRetrievalQualityTest {

    /**
     * The top-1 each group must keep: the 0.90 target of issue 13 for every group. Narrative (0.864 by words and
     * sounds) and dialect (0.795) reach it with the ranking by meaning fused in (0.932 each, docs/inquiry.md).
     */
    static final Map<String, Double> FLOORS = Map.of(
            "phone", 0.90,
            "narrative", 0.90,
            "dialect", 0.90,
            "two-in-one", 0.90);

    private static List<EvaluationGroups.Question> questions;

    @BeforeAll
    static void load() {
        questions = EvaluationGroups.load();
    }

    @Test
    void everyGroupHasAtLeastFortyQuestionsPointingAtRealEntries() {
        Map<String, Integer> sizes = new TreeMap<>();
        questions.forEach(q -> sizes.merge(q.group(), 1, Integer::sum));
        assertThat(sizes.keySet()).containsExactlyInAnyOrderElementsOf(FLOORS.keySet());
        assertThat(sizes.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(40));
        assertThat(questions).allSatisfy(q -> assertThat(q.expected()).isNotEmpty()
                .allSatisfy(id -> assertThat(Knowledge.BASE.find(id)).as(id).isPresent()));
        assertThat(questions).filteredOn(q -> q.group().equals("narrative"))
                .allSatisfy(q -> assertThat(q.text().length()).as(q.text()).isBetween(60, 300));
    }

    @Test
    void eachGroupMeetsItsFloorOnBothEnginesWithTheSameTopThree() {
        Result lucene = Result.of("lucene", Knowledge.lucene(), questions);
        Result elasticsearch = Result.of("elasticsearch", Knowledge.elasticsearch(), questions);
        System.out.println(lucene.report());
        System.out.println(elasticsearch.report());

        for (Result result : List.of(lucene, elasticsearch)) {
            FLOORS.forEach((group, floor) -> assertThat(result.top1(group))
                    .as(result.engine() + " " + group + "\n" + result.report()).isGreaterThanOrEqualTo(floor));
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            if (!lucene.top3().get(i).equals(elasticsearch.top3().get(i))) {
                differences.add(questions.get(i).text() + ": lucene " + lucene.top3().get(i) + " vs elasticsearch "
                        + elasticsearch.top3().get(i));
            }
        }
        assertThat(differences).as("questions whose top-3 differ between the engines").isEmpty();
    }

    record Result(String engine, Map<String, int[]> groups, List<List<String>> top3, List<String> misses) {

        static Result of(String engine, KnowledgeSearch search, List<EvaluationGroups.Question> questions) {
            Map<String, int[]> groups = new TreeMap<>();
            List<List<String>> top3 = new ArrayList<>();
            List<String> misses = new ArrayList<>();
            for (EvaluationGroups.Question question : questions) {
                List<String> ranked = search.search(question.text(), 3).stream().map(r -> r.entry().id()).toList();
                top3.add(ranked);
                boolean hit = !ranked.isEmpty() && question.expected().contains(ranked.get(0));
                int[] counts = groups.computeIfAbsent(question.group(), g -> new int[2]);
                counts[0]++;
                counts[1] += hit ? 1 : 0;
                if (!hit) {
                    misses.add(String.format(Locale.ROOT, "- [%s] %s | expected %s | got %s", question.group(),
                            question.text(), question.expected(), ranked));
                }
            }
            return new Result(engine, groups, top3, misses);
        }

        double top1(String group) {
            int[] counts = groups.get(group);
            return (double) counts[1] / counts[0];
        }

        String report() {
            StringBuilder report = new StringBuilder("# Group retrieval evaluation: " + engine + "\n");
            groups.forEach((group, counts) -> report.append(String.format(Locale.ROOT, "  %-11s %3d questions, top-1 %.3f (%d)%n",
                    group, counts[0], (double) counts[1] / counts[0], counts[1])));
            report.append("Misses (").append(misses.size()).append("):\n").append(String.join("\n", misses));
            return report.toString();
        }
    }
}
