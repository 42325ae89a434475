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
 * cut to its asking clause plus its most telling clauses, in their original order, within that budget.
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
        int[] asking = QuestionFocus.askingClause(text, QuestionFocus.MIN_STORY_WORDS);
        List<int[]> byWeight = new ArrayList<>(clauses);
        byWeight.sort(Comparator.<int[]>comparingInt(c -> c == asking ? 0 : 1)
                .thenComparing(Comparator.<int[]>comparingDouble(c -> weight(analysis, c, statistics)).reversed())
                .thenComparingInt(c -> c[0]));
        List<int[]> kept = new ArrayList<>();
        int length = 0;
        for (int[] clause : byWeight) {
            int clauseLength = clause[1] - clause[0];
            if (length + clauseLength > MAX_CHARS && !kept.isEmpty()) {
                continue;
            }
            if (clause != asking && weight(analysis, clause, statistics) == 0) {
                break;
            }
            kept.add(clause);
            length += clauseLength + 1;
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
