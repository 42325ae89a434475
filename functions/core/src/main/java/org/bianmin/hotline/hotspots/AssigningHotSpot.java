package org.bianmin.hotline.hotspots;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.hotline.similarity.DuplicateScorer;
import org.bianmin.hotline.similarity.RequestFingerprint;
import org.bianmin.hotline.similarity.SimilarityScore;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;

/**
 * Incremental clustering: a new ticket joins the cluster it best matches, or starts one. Candidates are the clusters
 * indexed under the ticket's keys ({@link ClusterKeys}: place runs, grid, coordinate cell, by month), at most
 * {@value #CANDIDATES} of them (those sharing the most keys); each is scored by comparing the ticket with the
 * cluster's sample of fingerprints with the duplicate check's own {@link DuplicateScorer}, and the ticket joins the
 * best cluster where at least one sampled ticket is a likely duplicate. A cluster with no ticket in the ticket's month
 * or the months either side is a candidate only through its anchor ({@link ClusterAnchor}: a problem that comes back
 * months later) and is joined only on the anchor's stricter test. The cost per ticket is a few key reads and at most
 * {@value #CANDIDATES} x {@value HotSpotCluster#FIRST}+{@value HotSpotCluster#LATEST} comparisons, whatever the
 * number of tickets or clusters.
 */
public final class AssigningHotSpot {

    static final int CANDIDATES = 20;
    private static final int ATTEMPTS = 5;

    private final HotSpotStore store;
    private final ChineseAnalyzer analyzer;
    private final DuplicateScorer scorer = new DuplicateScorer();

    public AssigningHotSpot(HotSpotStore store, ChineseAnalyzer analyzer) {
        this.store = store;
        this.analyzer = analyzer;
    }

    /** The cluster a ticket joined or started; a ticket already assigned keeps its cluster. */
    public record Assignment(String clusterId, boolean joined, int clusterSize) {
    }

    public Assignment assign(Ticket ticket) {
        Optional<String> assigned = store.clusterOf(ticket.trackingNumber());
        if (assigned.isPresent()) {
            return new Assignment(assigned.get(), true, 0);
        }
        return assign(RequestFingerprint.of(ticket, analyzer), member(ticket), ticket.department(), ticket.category());
    }

    /** Assigns a ticket already reduced to its fingerprint (the benchmark and the clustering of a known ticket). */
    public Assignment assign(RequestFingerprint ticket, HotSpotMember member, String department, String category) {
        String month = ClusterKeys.month(ticket, WorkingCalendar.ZONE);
        Set<String> keys = ClusterKeys.of(ticket, WorkingCalendar.ZONE);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<HotSpotCluster> best = bestMatch(ticket);
            HotSpotCluster joined = best.isPresent()
                    ? best.get().with(ticket, department, category, month, Set.of())
                    : HotSpotCluster.start(UUID.randomUUID().toString(), ticket, department, category, month, Set.of());
            Set<String> newKeys = new LinkedHashSet<>(keys);
            // an anchored cluster is also found by its anchor places' tickets over a longer reach (ClusterAnchor)
            ClusterAnchor.of(joined).ifPresent(anchor -> newKeys.addAll(ClusterKeys.anchors(anchor, joined.months().keySet())));
            newKeys.removeAll(joined.indexedKeys());
            HotSpotCluster next = joined.indexing(newKeys);
            if (store.save(next)) {
                store.addMember(next, member, newKeys);
                if (next.size() == 2) {
                    // the cluster becomes listable: its first ticket's month counts too
                    next.months().keySet().stream().filter(m -> !m.equals(month))
                            .forEach(m -> store.recordActivity(next, m));
                }
                if (next.size() >= 2) {
                    store.recordActivity(next, month);
                }
                return new Assignment(next.id(), best.isPresent(), next.size());
            }
        }
        throw new IllegalStateException("cluster kept changing while ticket " + member.trackingNumber() + " joined it");
    }

    private Optional<HotSpotCluster> bestMatch(RequestFingerprint ticket) {
        Map<String, Integer> hits = store.clustersUnder(ClusterKeys.lookups(ticket, WorkingCalendar.ZONE));
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        List<String> candidates = hits.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(CANDIDATES).map(Map.Entry::getKey).toList();
        String month = ClusterKeys.month(ticket, WorkingCalendar.ZONE);
        HotSpotCluster best = null;
        double bestScore = 0;
        for (HotSpotCluster cluster : store.load(candidates)) {
            // a cluster with no ticket in the ticket's month or the months either side was found by its anchor
            boolean late = !ClusterKeys.withinMonthWindow(month, cluster.months().keySet());
            if (late ? !ClusterAnchor.admitsLate(ticket, cluster) : !onTopic(ticket, cluster)) {
                continue;
            }
            double clusterScore = 0;
            int duplicates = 0;
            for (RequestFingerprint sampled : cluster.sample()) {
                SimilarityScore score = scorer.score(ticket, sampled);
                if (score.likelyDuplicate()) {
                    duplicates++;
                    clusterScore = Math.max(clusterScore, score.score());
                }
            }
            if (duplicates >= (late ? ClusterAnchor.CORROBORATING : 1) && clusterScore > bestScore) {
                best = cluster;
                bestScore = clusterScore;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Whether the ticket names the cluster's own place and problem: a place shared with one of the places at least a
     * third of its tickets name, and a word among the problem words at least a third of them put first. Matching one
     * sampled ticket alone would let a cluster drift, ticket by ticket, to other places and problems (a chain of
     * likely duplicates is not one problem); these keep every member close to what the cluster is about.
     */
    static boolean onTopic(RequestFingerprint ticket, HotSpotCluster cluster) {
        Set<String> places = main(cluster.places(), cluster.size());
        if (!ticket.places().isEmpty() && !places.isEmpty()
                && DuplicateScorer.sharedPlaces(ticket.places(), places).isEmpty()) {
            return false;
        }
        Set<String> problems = main(cluster.problems(), cluster.size());
        return problems.isEmpty() || problems.stream().anyMatch(ticket.words()::contains);
    }

    /** The entries counted for at least a third of the cluster's tickets (at least the most frequent one). */
    private static Set<String> main(Map<String, Integer> counts, int size) {
        Set<String> main = new HashSet<>();
        int top = counts.values().stream().max(Integer::compare).orElse(0);
        counts.forEach((value, count) -> {
            if (count * 3 >= size || count == top) {
                main.add(value);
            }
        });
        return main;
    }

    /** Who counts as the reporter: the caller's keyed phone hash, or the ticket itself when the caller is unknown. */
    static HotSpotMember member(Ticket ticket) {
        boolean unknownCaller = ticket.phone() == null || ticket.phone().masked() == null
                || ticket.phone().masked().startsWith(UNKNOWN_AREA) || ticket.phone().hash() == null;
        return new HotSpotMember(ticket.trackingNumber(), ticket.externalId(), ticket.createdAt(),
                ticket.origin() == null ? 0 : ticket.origin().likes(),
                unknownCaller ? "ticket:" + ticket.trackingNumber() : ticket.phone().hash());
    }

    /** Imports without a phone are filed with a number in the unassigned area code 0000 (HistoricalRequest). */
    private static final String UNKNOWN_AREA = "0000";

    static Comparator<HotSpot> hottestFirst() {
        return Comparator.comparingDouble((HotSpot h) -> h.heat().value()).reversed().thenComparing(HotSpot::id);
    }
}
