package org.bianmin.inquiry.application;

import java.util.List;
import org.bianmin.knowledge.RankedEntry;

/**
 * Decides ANSWER / CLARIFY / HANDOFF from ranked candidates. Two measures, both documented in
 * docs/inquiry.md: coverage (does the best entry talk about what was asked) and separation (is it clearly
 * ahead of the next one). Thresholds were chosen on the evaluation set.
 */
final class AnswerPolicy {

    /** Below this coverage the best entry is not about the question: hand off rather than guess. */
    static final double MIN_COVERAGE = 0.35;
    /**
     * The same for a caller's story (long message): most of a story is about the caller, not the service, so even
     * the right entry covers a smaller share of it (measured on the narrative group: 0.2 to 0.5 for the right entry).
     */
    static final double MIN_STORY_COVERAGE = 0.25;
    /** A runner-up scoring at least this share of the best is "close": ask which one was meant. */
    static final double CLOSE_SCORE_RATIO = 0.97;
    /** Suggestions shown on CLARIFY score at least this share of the best. */
    static final double SUGGESTION_SCORE_RATIO = 0.75;
    static final int MAX_SUGGESTIONS = 3;

    enum Decision { ANSWER, CLARIFY, NO_MATCH }

    Decision decide(List<RankedEntry> candidates) {
        return decide(candidates, false);
    }

    /** {@code story}: the question is a long message ({@link org.bianmin.knowledge.KnowledgeSearch#isStory}). */
    Decision decide(List<RankedEntry> candidates, boolean story) {
        if (candidates.isEmpty() || candidates.get(0).coverage() < minCoverage(story)) {
            return Decision.NO_MATCH;
        }
        return close(candidates, story).size() > 1 ? Decision.CLARIFY : Decision.ANSWER;
    }

    static double minCoverage(boolean story) {
        return story ? MIN_STORY_COVERAGE : MIN_COVERAGE;
    }

    List<RankedEntry> close(List<RankedEntry> candidates) {
        return close(candidates, false);
    }

    /** The best candidate plus the runners-up close enough to be what was meant. */
    List<RankedEntry> close(List<RankedEntry> candidates, boolean story) {
        RankedEntry best = candidates.get(0);
        double min = minCoverage(story);
        if (candidates.size() < 2 || candidates.get(1).score() < best.score() * CLOSE_SCORE_RATIO
                || candidates.get(1).coverage() < min) {
            return List.of(best);
        }
        return candidates.stream()
                .filter(c -> c.score() >= best.score() * SUGGESTION_SCORE_RATIO && c.coverage() >= min)
                .limit(MAX_SUGGESTIONS)
                .toList();
    }

    /**
     * 0..1: coverage of the best entry, discounted when a runner-up is close. Reported to callers so a phone
     * agent can see how sure the answer is; it is not a probability.
     */
    double confidence(List<RankedEntry> candidates) {
        if (candidates.isEmpty()) {
            return 0;
        }
        RankedEntry best = candidates.get(0);
        double separation = 1;
        if (candidates.size() > 1 && best.score() > 0) {
            double gap = (best.score() - candidates.get(1).score()) / best.score();
            separation = Math.min(1, 0.6 + 2 * gap);
        }
        return Math.round(best.coverage() * separation * 100) / 100.0;
    }
}
