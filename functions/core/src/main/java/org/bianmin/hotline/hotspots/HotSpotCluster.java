package org.bianmin.hotline.hotspots;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bianmin.hotline.similarity.RequestFingerprint;

/**
 * The summary of one cluster, what the clustering reads and writes instead of its tickets: how many tickets, when,
 * the counts of their departments, places, problem words and months, a bounded sample of their fingerprints (the
 * first {@value #FIRST} and the last {@value #LATEST}: a new ticket is compared with these, so the cost of joining
 * does not grow with the cluster), and the lookup keys already indexed for it. {@code version} guards concurrent
 * joins (optimistic locking).
 */
public record HotSpotCluster(String id, long version, int size, Instant firstAt, Instant lastAt,
                             Map<String, Integer> departments, Map<String, Integer> categories,
                             Map<String, Integer> places, Map<String, Integer> problems, Map<String, Integer> months,
                             List<RequestFingerprint> sample, Set<String> indexedKeys) {

    static final int FIRST = 4;
    static final int LATEST = 8;
    static final int KEPT_KEYS = 300;

    /** A new cluster of one ticket. */
    static HotSpotCluster start(String id, RequestFingerprint ticket, String department, String category, String month,
                                Set<String> keys) {
        return new HotSpotCluster(id, 0, 0, ticket.at(), ticket.at(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
                new TreeMap<>(), new TreeMap<>(), List.of(), Set.of()).with(ticket, department, category, month, keys);
    }

    /** This cluster with one more ticket, its keys added to the indexed ones. */
    HotSpotCluster with(RequestFingerprint ticket, String department, String category, String month, Set<String> keys) {
        Map<String, Integer> nextDepartments = add(departments, department == null ? Set.of() : Set.of(department));
        Map<String, Integer> nextCategories = add(categories, category == null ? Set.of() : Set.of(category));
        Map<String, Integer> nextPlaces = add(places, ticket.places());
        Map<String, Integer> nextProblems = add(problems, ticket.headWords());
        Map<String, Integer> nextMonths = add(months, Set.of(month));
        List<RequestFingerprint> nextSample = new ArrayList<>(sample);
        nextSample.add(ticket);
        if (nextSample.size() > FIRST + LATEST) {
            nextSample.remove(FIRST);
        }
        Instant first = ticket.at().isBefore(firstAt) ? ticket.at() : firstAt;
        Instant last = ticket.at().isAfter(lastAt) ? ticket.at() : lastAt;
        return new HotSpotCluster(id, version + 1, size + 1, first, last, nextDepartments, nextCategories, nextPlaces,
                nextProblems, nextMonths, List.copyOf(nextSample), indexedKeys).indexing(keys);
    }

    /** This cluster with more keys counted as indexed (the same version: part of one change). */
    HotSpotCluster indexing(Set<String> keys) {
        Set<String> nextKeys = new LinkedHashSet<>(indexedKeys);
        nextKeys.addAll(keys);
        // only to skip rewriting keys already indexed (adding one again is harmless): the newest are enough
        while (nextKeys.size() > KEPT_KEYS) {
            nextKeys.remove(nextKeys.iterator().next());
        }
        return new HotSpotCluster(id, version, size, firstAt, lastAt, departments, categories, places, problems, months,
                sample, nextKeys);
    }

    /** The most frequent department of the members (where the problem is handled). */
    public String department() {
        return mostFrequent(departments);
    }

    public String category() {
        return mostFrequent(categories);
    }

    /** Counts are capped to the {@value #KEPT_COUNTS} most frequent entries so the summary stays small. */
    static final int KEPT_COUNTS = 40;

    private static Map<String, Integer> add(Map<String, Integer> counts, Set<String> values) {
        Map<String, Integer> next = new TreeMap<>(counts);
        values.forEach(v -> next.merge(v, 1, Integer::sum));
        if (next.size() <= KEPT_COUNTS) {
            return next;
        }
        Map<String, Integer> kept = new TreeMap<>();
        next.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(KEPT_COUNTS)
                .forEach(e -> kept.put(e.getKey(), e.getValue()));
        return kept;
    }

    static String mostFrequent(Map<String, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(e -> -e.getKey().length())).map(Map.Entry::getKey).orElse(null);
    }
}
