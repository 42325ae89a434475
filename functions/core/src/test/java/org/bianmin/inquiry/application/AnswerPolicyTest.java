package org.bianmin.inquiry.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bianmin.knowledge.RankedEntry;
import org.bianmin.knowledge.model.KnowledgeEntry;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;

/**
 * The answer policy on the fused ranking: separation is judged by each ranking on its own scale. The fused best is
 * not always the best by words, and reading the runner-up's BM25 against it took a reordering for a tie.
 */
class AnswerPolicyTest {

    private final AnswerPolicy policy = new AnswerPolicy();
    private final List<KnowledgeEntry> entries = Knowledge.BASE.entries().stream().limit(3).toList();

    private RankedEntry ranked(int i, float score, double similarity) {
        return new RankedEntry(entries.get(i), score, 1.0, similarity);
    }

    @Test
    void aBestLiftedByItsMeaningIsAnsweredAlthoughTheRunnerUpScoresSlightlyMoreByWords() {
        // 居住证怎么申请: 19.0 against 19.1 by words, 0.87 against 0.77 by meaning
        List<RankedEntry> candidates = List.of(ranked(0, 19.0f, 0.87), ranked(1, 19.1f, 0.77), ranked(2, 20.0f, 0.76));
        assertThat(policy.decide(candidates)).isEqualTo(AnswerPolicy.Decision.ANSWER);
        assertThat(policy.confidence(candidates)).isEqualTo(0.8);
    }

    @Test
    void aTieInBothRankingsOrADisagreementBetweenThemIsAskedBack() {
        // 身份证丢了: the loss report and the replacement are close by words and by meaning
        List<RankedEntry> tie = List.of(ranked(0, 27.0f, 0.885), ranked(1, 27.7f, 0.849), ranked(2, 15.5f, 0.73));
        assertThat(policy.decide(tie)).isEqualTo(AnswerPolicy.Decision.CLARIFY);
        assertThat(policy.close(tie)).extracting(RankedEntry::entry).containsExactly(entries.get(0), entries.get(1));
        // the words clearly prefer one, the meaning clearly the other: both are offered
        List<RankedEntry> disagreement = List.of(ranked(0, 17.8f, 0.72), ranked(1, 11.9f, 0.79));
        assertThat(policy.decide(disagreement)).isEqualTo(AnswerPolicy.Decision.CLARIFY);
        assertThat(policy.close(disagreement)).hasSize(2);
        // one ranking clearly prefers the best and the other is indifferent: answered
        assertThat(policy.decide(List.of(ranked(0, 20f, 0.80), ranked(1, 12f, 0.79)))).isEqualTo(AnswerPolicy.Decision.ANSWER);
    }

    @Test
    void byWordsOnlyTheRuleIsTheBm25RatioAsBefore() {
        List<RankedEntry> close = List.of(new RankedEntry(entries.get(0), 20f, 1.0), new RankedEntry(entries.get(1), 19.5f, 1.0),
                new RankedEntry(entries.get(2), 14f, 1.0));
        assertThat(policy.decide(close)).isEqualTo(AnswerPolicy.Decision.CLARIFY);
        assertThat(policy.close(close)).hasSize(2);
        assertThat(policy.decide(List.of(new RankedEntry(entries.get(0), 20f, 1.0), new RankedEntry(entries.get(1), 19f, 1.0))))
                .isEqualTo(AnswerPolicy.Decision.ANSWER);
    }

    @Test
    void theMeaningVouchesForAnEntryTheWordsCoverLittleButNotAlone() {
        // 暂住证要啥子东西: few of its words are the entry's (coverage 0.21), its meaning is (0.80, clearly ahead)
        List<RankedEntry> dialect = List.of(new RankedEntry(entries.get(0), 6f, 0.21, 0.80),
                new RankedEntry(entries.get(1), 3f, 0.10, 0.70));
        assertThat(policy.decide(dialect)).isEqualTo(AnswerPolicy.Decision.ANSWER);
        // a service the base does not cover: a near entry is always found, but not this near, or not alone this near
        List<RankedEntry> uncovered = List.of(new RankedEntry(entries.get(0), 6f, 0.21, 0.65),
                new RankedEntry(entries.get(1), 3f, 0.10, 0.55));
        assertThat(policy.decide(uncovered)).isEqualTo(AnswerPolicy.Decision.NO_MATCH);
        List<RankedEntry> severalAsNear = List.of(new RankedEntry(entries.get(0), 6f, 0.21, 0.69),
                new RankedEntry(entries.get(1), 3f, 0.10, 0.55), new RankedEntry(entries.get(2), 2f, 0.10, 0.68));
        assertThat(policy.decide(severalAsNear)).isEqualTo(AnswerPolicy.Decision.NO_MATCH);
        // new wording of a covered service: not as near, but the meaning singles the entry out
        List<RankedEntry> singledOut = List.of(new RankedEntry(entries.get(0), 6f, 0.21, 0.69),
                new RankedEntry(entries.get(1), 3f, 0.10, 0.60));
        assertThat(policy.decide(singledOut)).isEqualTo(AnswerPolicy.Decision.ANSWER);
        // the words must touch the entry at all: meaning alone is not enough
        assertThat(policy.decide(List.of(new RankedEntry(entries.get(0), 0f, 0.05, 0.90))))
                .isEqualTo(AnswerPolicy.Decision.NO_MATCH);
        // ranked by words only (no sentence model): coverage alone decides, as before
        assertThat(policy.decide(List.of(new RankedEntry(entries.get(0), 6f, 0.21)))).isEqualTo(AnswerPolicy.Decision.NO_MATCH);
    }
}
