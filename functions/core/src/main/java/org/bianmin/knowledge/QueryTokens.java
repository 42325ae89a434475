package org.bianmin.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bianmin.knowledge.search.TokenStatistics;

/**
 * Picks the query tokens of a question. A short question keeps all its distinct tokens. A long one (a caller
 * telling their story: "刚毕业来这里工作，公司给交了公积金……") keeps the ones that say most about the topic: tokens
 * the knowledge base contains before those it does not (an unknown token matches nothing), then the rarest
 * first (公积金 before 现在), kept in the order they were said. Cutting at the first tokens instead lost the
 * question, which callers put at the end.
 */
final class QueryTokens {

    private QueryTokens() {
    }

    static List<String> mostTelling(List<String> tokens, TokenStatistics statistics, int max) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(tokens));
        if (distinct.size() <= max) {
            return distinct;
        }
        Comparator<String> telling = Comparator.<String, Boolean>comparing(t -> !statistics.isKnown(t))
                .thenComparing(Comparator.comparingDouble(statistics::idf).reversed())
                .thenComparing(distinct::indexOf);
        Set<String> kept = new HashSet<>(distinct.stream().sorted(telling).limit(max).toList());
        return distinct.stream().filter(kept::contains).toList();
    }
}
