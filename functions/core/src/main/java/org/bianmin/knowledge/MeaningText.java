package org.bianmin.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.search.TokenStatistics;

/**
 * The part of a long message the sentence model reads. The model's time grows with the text (a 300-character story
 * costs several times a question, and was most of the search's p99), while what a story is about sits in a few
 * clauses: the asking clause and the clauses with the knowledge base's own words (公积金, 房租). The rest is the
 * caller's life (刚毕业, 来这里工作), which the model would weigh as much. So a message over {@link #MAX_CHARS} is
 * cut to its most telling clauses (the summed rarity of their known words), in their original order, within that
 * budget. Putting the asking clause first instead was measured and lost a held-out story and the two engines'
 * identical top-3 on one grouped story (docs/inquiry.md): the asking clause ("不知道该找哪个部门") rarely names the
 * service, the telling clauses do, and when it does it weighs in like any other.
 */
final class MeaningText {

    /**
     * Questions up to this length are embedded whole. Measured on the grouped evaluation set (docs/benchmarks.md
     * 1b): 72 keeps the top-1 of every group (stories 0.955, uncut 0.932) and brings the p99 near 10 ms; 48 lost a
     * story, 96 kept the long tail.
     */
    static final int MAX_CHARS = 72;

    private MeaningText() {
    }

    static String of(ChineseAnalyzer.Analysis analysis, TokenStatistics statistics) {
        String text = analysis.text();
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        List<int[]> clauses = QuestionFocus.clauses(text);
        // each clause weighed once (the sort would weigh it at every comparison)
        java.util.Map<int[], Double> weights = new java.util.IdentityHashMap<>();
        for (int[] clause : clauses) {
            weights.put(clause, weight(analysis, clause, statistics));
        }
        List<int[]> byWeight = new ArrayList<>(clauses);
        byWeight.sort(Comparator.<int[]>comparingDouble(weights::get).reversed().thenComparingInt(c -> c[0]));
        List<int[]> kept = new ArrayList<>();
        int length = 0;
        for (int[] clause : byWeight) {
            int clauseLength = clause[1] - clause[0];
            if (weights.get(clause) == 0) {
                break;
            }
            if (length + clauseLength > MAX_CHARS && !kept.isEmpty()) {
                continue;
            }
            kept.add(clause);
            length += clauseLength + 1;
        }
        if (kept.isEmpty()) {
            // no clause holds a word of the knowledge base (chatter, an uncovered service): the asking clause
            int[] asking = QuestionFocus.askingClause(text, QuestionFocus.MIN_STORY_WORDS);
            kept.add(asking != null ? asking : new int[] {0, MAX_CHARS});
        }
        kept.sort(Comparator.comparingInt(c -> c[0]));
        StringBuilder cut = new StringBuilder();
        for (int[] clause : kept) {
            if (!cut.isEmpty()) {
                cut.append('，');
            }
            cut.append(text, clause[0], Math.min(clause[1], clause[0] + MAX_CHARS));
        }
        return cut.toString();
    }

    /** How much a clause says about the knowledge base's topics: the summed rarity of its known words. */
    private static double weight(ChineseAnalyzer.Analysis analysis, int[] clause, TokenStatistics statistics) {
        double weight = 0;
        for (String token : new java.util.LinkedHashSet<>(analysis.tokensWithin(clause[0], clause[1]))) {
            if (statistics.isKnown(token)) {
                weight += statistics.idf(token);
            }
        }
        return weight;
    }
}
