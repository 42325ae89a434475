package org.bianmin.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bianmin.testing.EvaluationSet;
import org.bianmin.testing.Knowledge;
import org.bianmin.testing.RetrievalEvaluation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quality gates on the evaluation set, for both engines, and their parity. The reports
 * ({@code target/evaluation-lucene.md}, {@code target/evaluation-elasticsearch.md}) list every miss.
 */
class RetrievalQualityTest {

    private static List<EvaluationSet.Question> questions;

    @BeforeAll
    static void load() {
        questions = EvaluationSet.load();
    }

    @Test
    void theEvaluationSetIsLargeAndPointsAtRealEntries() {
        assertThat(questions).hasSizeGreaterThanOrEqualTo(150);
        assertThat(questions).allSatisfy(q -> assertThat(Knowledge.BASE.find(q.expected())).as(q.expected()).isPresent());
    }

    @Test
    void embeddedLuceneMeetsTheQualityTargets() {
        RetrievalEvaluation result = RetrievalEvaluation.run("lucene", Knowledge.lucene(), questions);
        System.out.println(result.writeReport());
        assertThat(result.top1()).as(result.report()).isGreaterThanOrEqualTo(0.85);
        // before pinyin and story handling (issue 13) top-1 was 0.906 (163/180), with them 0.917 (165/180); the
        // ranking by meaning fused in must not cost any of it (measured 0.944, 170/180)
        assertThat(result.top1()).as(result.report()).isGreaterThanOrEqualTo(165.0 / 180);
        assertThat(result.mrrAt5()).as(result.report()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void elasticsearchMeetsTheQualityTargetsWithTheSameTopThreeAsLucene() {
        RetrievalEvaluation lucene = RetrievalEvaluation.run("lucene", Knowledge.lucene(), questions);
        RetrievalEvaluation elasticsearch = RetrievalEvaluation.run("elasticsearch", Knowledge.elasticsearch(), questions);
        System.out.println(elasticsearch.writeReport());
        assertThat(elasticsearch.top1()).as(elasticsearch.report()).isGreaterThanOrEqualTo(0.85);
        assertThat(elasticsearch.mrrAt5()).as(elasticsearch.report()).isGreaterThanOrEqualTo(0.90);

        List<String> differences = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            if (!lucene.top3().get(i).equals(elasticsearch.top3().get(i))) {
                differences.add(questions.get(i).text() + ": lucene " + lucene.top3().get(i) + " vs elasticsearch "
                        + elasticsearch.top3().get(i));
            }
        }
        assertThat(differences).as("questions whose top-3 differ between the engines").isEmpty();
    }
}
