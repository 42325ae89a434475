package org.bianmin.knowledge.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion: an entry scores the sum of 1 / (K + rank) over the rankings it appears in, so an entry
 * that both the words and the meaning put near the top beats one that only one of them likes, and no ranking's raw
 * scores (BM25 against cosine) need to be made comparable. Computed in the function: Elasticsearch's own rrf
 * retriever needs a paid licence, and one implementation keeps both engines' orders identical.
 */
public final class RankFusion {

    /** The customary constant; 10 ranked the evaluation groups the same (docs/inquiry.md). */
    public static final int K = 60;

    private RankFusion() {
    }

    /**
     * The ids of all rankings, best fused score first. Equal scores (ranks 1 and 2 against 2 and 1) are broken by the
     * first ranking, then by id.
     */
    public static List<String> fuse(List<List<String>> rankings) {
        Map<String, Double> scores = new HashMap<>();
        for (List<String> ranking : rankings) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                scores.merge(ranking.get(rank), 1.0 / (K + rank + 1), Double::sum);
            }
        }
        List<String> first = rankings.isEmpty() ? List.of() : rankings.get(0);
        Map<String, Integer> firstRank = new HashMap<>();
        for (int rank = 0; rank < first.size(); rank++) {
            firstRank.putIfAbsent(first.get(rank), rank);
        }
        List<String> fused = new ArrayList<>(scores.keySet());
        fused.sort(Comparator.<String>comparingDouble(scores::get).reversed()
                .thenComparingInt(id -> firstRank.getOrDefault(id, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder()));
        return fused;
    }
}
