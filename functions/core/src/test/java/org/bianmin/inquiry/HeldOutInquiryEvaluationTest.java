package org.bianmin.inquiry;

import java.util.Map;
import org.bianmin.testing.EvaluationGroups;
import org.junit.jupiter.api.Test;

/**
 * The answer policy on callers' wording it was not written with: stories and dialect questions the knowledge base
 * answers, and questions about services it does not cover at all ({@link InquiryEvaluation}: an uncovered question
 * counts only when it is handed off to a person). Two sets, both written apart from the entries (from their ids and
 * titles only) and from the grouped set:
 * <ul>
 *   <li>{@code holdout-callers.jsonl} was held out from the first meaning rule, then used to choose the second
 *   ({@code AnswerPolicy.MIN_LEADING_MEANING_SIMILARITY}); it is a tuning set now.</li>
 *   <li>{@code holdout-callers-3.jsonl} was written after that and checked once with the rule fixed: the held-out
 *   set. It must not be used to change the policy; the next change needs a new set.</li>
 * </ul>
 * The floors are what was measured (docs/inquiry.md): far below the grouped set's 0.90, which is the point of new
 * wording. A drop means the policy got worse on it.
 */
class HeldOutInquiryEvaluationTest {

    /** First set: 0.674 / 0.523 / 0.892 with the first rule alone, 0.837 / 0.705 / 0.865 with the second. */
    static final Map<String, Double> TUNING_FLOORS = Map.of(
            "narrative", 0.83,
            "dialect", 0.70,
            "uncovered", 0.86);

    /** Third set: 0.556 / 0.533 / 0.925 with the first rule alone, 0.689 / 0.733 / 0.900 with the second. */
    static final Map<String, Double> HELD_OUT_FLOORS = Map.of(
            "narrative", 0.68,
            "dialect", 0.73,
            "uncovered", 0.90);

    @Test
    void theFirstSetsNewWordingIsAnsweredAndUncoveredServicesAreHandedOff() {
        InquiryEvaluation.run("held-out inquiry, first set (tuning)",
                EvaluationGroups.load("evaluation/holdout-callers.jsonl")).assertAtLeast(TUNING_FLOORS);
    }

    @Test
    void theThirdSetsNewWordingIsAnsweredAndUncoveredServicesAreHandedOff() {
        InquiryEvaluation.run("held-out inquiry, third set",
                EvaluationGroups.load("evaluation/holdout-callers-3.jsonl")).assertAtLeast(HELD_OUT_FLOORS);
    }
}
