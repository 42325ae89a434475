package org.bianmin.hotline.hotspots;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bianmin.hotline.similarity.DuplicateScorer;
import org.bianmin.hotline.similarity.RequestFingerprint;

/**
 * What a cluster is firmly about, once it is: the places and the head problem words that at least half of its
 * tickets share, in a cluster of at least {@value #MEMBERS} tickets with at least {@value #PROBLEM_WORDS} such words.
 *
 * <p>Why: a ticket is normally compared only with the clusters active in its own month and the months either side,
 * so that a cluster cannot drift, ticket by ticket, into whatever else is reported at its place over the year. But
 * some problems come back after a quiet spell (a hospital planned at a compound's gate is protested when it is
 * announced and again when the decision comes, months later), and those late reports would start a second cluster
 * that the listing ranks apart. An anchored cluster is also found up to {@link #REACH} from its reports, and a
 * ticket outside the ordinary window joins it only on a stricter test ({@link #admitsLate}): the first place it
 * names is one of the anchor's places, its text holds at least half of the anchor's problem words, and it is a likely
 * duplicate of at least {@value #CORROBORATING} of the cluster's sampled tickets, not of one (a chain of likely
 * duplicates is not one problem). A cluster that is only loosely about something (few tickets, or members that share
 * no place or no problem) never reaches that far.
 */
record ClusterAnchor(Set<String> places, Set<String> problems) {

    /** Tickets a cluster needs before it can be anchored: several reporters, not one letter and its copy. */
    static final int MEMBERS = 3;
    /** Problem words at least half of the members put first, and that a late ticket must hold. */
    static final int PROBLEM_WORDS = 2;
    /** Sampled tickets a late ticket must be a likely duplicate of. */
    static final int CORROBORATING = 2;
    /** How far before the first or after the last report an anchored cluster takes a late ticket: half a year. */
    static final Duration REACH = Duration.ofDays(183);

    /** The cluster's anchor, when at least half of its tickets share a place and two head problem words. */
    static Optional<ClusterAnchor> of(HotSpotCluster cluster) {
        if (cluster.size() < MEMBERS) {
            return Optional.empty();
        }
        Set<String> places = sharedByHalf(cluster.places(), cluster.size());
        Set<String> problems = sharedByHalf(cluster.problems(), cluster.size());
        // a head word that is part of a place the members name (中国 in 中国铁建国际城) says where, not what
        problems.removeIf(word -> cluster.places().keySet().stream().anyMatch(place -> place.contains(word)));
        if (places.isEmpty() || problems.size() < PROBLEM_WORDS) {
            return Optional.empty();
        }
        return Optional.of(new ClusterAnchor(places, problems));
    }

    /**
     * Whether a ticket from outside the cluster's ordinary window may join it: the cluster is anchored, the ticket is
     * within {@link #REACH} of its reports, the first place it names is one of the anchor's places, and it holds at
     * least half of the anchor's problem words (the caller still requires {@value #CORROBORATING} likely duplicates
     * among the sampled tickets). This implies the ordinary {@link AssigningHotSpot#onTopic} test, whose thresholds
     * are lower.
     */
    static boolean admitsLate(RequestFingerprint ticket, HotSpotCluster cluster) {
        if (!withinReach(ticket.at(), cluster)) {
            return false;
        }
        return of(cluster).filter(anchor -> namesFirst(ticket, anchor) && holdsMostProblems(ticket, anchor)).isPresent();
    }

    /**
     * Whether the place the ticket is about, the first it names (citizens name their own place first; a later one is
     * often a comparison or a landmark), is one of the anchor's places.
     */
    private static boolean namesFirst(RequestFingerprint ticket, ClusterAnchor anchor) {
        return ticket.places().stream().findFirst()
                .filter(first -> !DuplicateScorer.sharedPlaces(Set.of(first), anchor.places()).isEmpty()).isPresent();
    }

    /** At least half of the anchor's problem words (and at least {@value #PROBLEM_WORDS}): most of what it is about. */
    private static boolean holdsMostProblems(RequestFingerprint ticket, ClusterAnchor anchor) {
        long held = anchor.problems().stream().filter(ticket.words()::contains).count();
        return held >= PROBLEM_WORDS && held * 2 >= anchor.problems().size();
    }

    static boolean withinReach(Instant at, HotSpotCluster cluster) {
        return !at.isBefore(cluster.firstAt().minus(REACH)) && !at.isAfter(cluster.lastAt().plus(REACH));
    }

    private static Set<String> sharedByHalf(Map<String, Integer> counts, int size) {
        Set<String> shared = new TreeSet<>();
        counts.forEach((value, count) -> {
            if (count * 2 >= size) {
                shared.add(value);
            }
        });
        return shared;
    }
}
