package org.bianmin.hotline.hotspots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bianmin.hotline.similarity.RequestFingerprint;

/**
 * The short name of a cluster, such as {@code 丽发新城 搅拌站噪音}: the place its tickets name most often (the longer
 * name on a tie, being the more precise), and the {@value #PROBLEM_WORDS} problem words most of them put first,
 * in the order callers write them (their order in the latest ticket's head that has both).
 */
public record HotSpotName(String place, String problem) {

    static final int PROBLEM_WORDS = 2;

    public static HotSpotName of(HotSpotCluster cluster) {
        String place = place(cluster);
        return new HotSpotName(place, String.join("", inWritingOrder(problemWords(cluster, place), cluster.sample())));
    }

    /** The place the members name most often (the longer name on a tie, being the more precise), or null. */
    static String place(HotSpotCluster cluster) {
        return cluster.places().entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(e -> e.getKey().length()))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** The problem words most members put first, those not part of the place, most frequent first. */
    static List<String> problemWords(HotSpotCluster cluster, String place) {
        return cluster.problems().entrySet().stream()
                .filter(e -> place == null || !place.contains(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(PROBLEM_WORDS).map(Map.Entry::getKey).toList();
    }

    public String text() {
        if (place == null) {
            return problem;
        }
        return problem.isEmpty() ? place : place + " " + problem;
    }

    private static List<String> inWritingOrder(List<String> words, List<RequestFingerprint> sample) {
        for (int i = sample.size() - 1; i >= 0; i--) {
            List<String> head = new ArrayList<>(sample.get(i).headWords());
            if (head.containsAll(words)) {
                List<String> ordered = new ArrayList<>(words);
                ordered.sort(Comparator.comparingInt(head::indexOf));
                return ordered;
            }
        }
        return words;
    }
}
