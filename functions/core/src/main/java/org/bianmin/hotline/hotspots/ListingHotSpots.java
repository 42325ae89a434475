package org.bianmin.hotline.hotspots;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.hotline.similarity.DuplicateScorer;

/**
 * The hot spots of a period, hottest first ({@link Heat}), read from the clusters and never from the tickets: the
 * month partitions of the period name the clusters with two or more tickets and how many fell in those months; the
 * {@value #SHORTLIST_FACTOR} x {@code limit} busiest (at least {@value #MIN_SHORTLIST}) are read with their members
 * in the period, ranked by heat, and the {@code limit} hottest returned. A cluster with fewer than two tickets in
 * the period is no hot spot.
 */
public final class ListingHotSpots {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** The longest period, so that a listing reads at most 13 month partitions. */
    public static final int MAX_DAYS = 366;
    static final int SHORTLIST_FACTOR = 3;
    static final int MIN_SHORTLIST = 30;
    static final int MIN_REPORTS = 2;

    private final HotSpotStore store;

    public ListingHotSpots(HotSpotStore store) {
        this.store = store;
    }

    /** The hottest clusters with tickets in [{@code from}, {@code to}] whose department {@code visible} accepts. */
    public List<HotSpot> hottest(Instant from, Instant to, int limit, Predicate<String> visible) {
        List<HotSpotStore.MonthActivity> active = store.activeIn(months(from, to, WorkingCalendar.ZONE)).stream()
                .filter(a -> visible.test(a.department())).toList();
        List<String> shortlist = active.stream()
                .sorted(Comparator.comparingInt(HotSpotStore.MonthActivity::reports).reversed()
                        .thenComparing(HotSpotStore.MonthActivity::clusterId))
                .limit(Math.max(MIN_SHORTLIST, (long) SHORTLIST_FACTOR * limit))
                .map(HotSpotStore.MonthActivity::clusterId).toList();
        Map<String, HotSpotCluster> clusters = store.load(shortlist).stream()
                .collect(Collectors.toMap(HotSpotCluster::id, Function.identity()));
        // clusters of one place and problem (started apart before a ticket bridged them) are shown as one hot spot
        // Grouping is greedy, so it goes in an order set by the clusters' content (largest, then earliest), not by their
        // random ids: the same tickets then list the same hot spots on every run.
        List<HotSpotCluster> inOrder = shortlist.stream().map(clusters::get).filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparingInt(HotSpotCluster::size).reversed()
                        .thenComparing(HotSpotCluster::firstAt).thenComparing(HotSpotCluster::lastAt)
                        .thenComparing(HotSpotCluster::id))
                .toList();
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (HotSpotCluster cluster : inOrder) {
            String id = cluster.id();
            if (visible.test(cluster.department())) {
                String group = byName.keySet().stream().filter(other -> samePlaceAndProblem(cluster,
                        clusters.get(byName.get(other).get(0)))).findFirst().orElse(HotSpotName.of(cluster).text());
                byName.computeIfAbsent(group, n -> new ArrayList<>()).add(id);
            }
        }
        List<HotSpot> hot = new ArrayList<>();
        byName.forEach((name, ids) -> {
            HotSpotCluster largest = ids.stream().map(clusters::get)
                    .max(Comparator.comparingInt(HotSpotCluster::size)).orElseThrow();
            List<HotSpotMember> members = new ArrayList<>();
            ids.forEach(id -> members.addAll(store.members(id, from, to)));
            members.sort(Comparator.comparing(HotSpotMember::at).thenComparing(HotSpotMember::trackingNumber));
            if (members.size() >= MIN_REPORTS) {
                HotSpotName named = HotSpotName.of(largest);
                hot.add(new HotSpot(largest.id(), named.text(), named.place(), named.problem(), largest.department(),
                        largest.category(), members.get(0).at(), members.get(members.size() - 1).at(),
                        Heat.of(members, to), members));
            }
        });
        hot.sort(AssigningHotSpot.hottestFirst());
        return hot.size() > limit ? hot.subList(0, limit) : hot;
    }

    /**
     * Whether two clusters are about one place and problem: their names' places share a place (丽发新城 and
     * 丽发新城小区, as the duplicate check matches places) and their names share a problem word (搅拌噪音 and
     * 搅拌粉尘). Each cluster grew from its own first ticket; two that started apart for one problem are one hot spot.
     */
    static boolean samePlaceAndProblem(HotSpotCluster a, HotSpotCluster b) {
        String placeA = HotSpotName.place(a);
        String placeB = HotSpotName.place(b);
        if (placeA == null || placeB == null
                || DuplicateScorer.sharedPlaces(Set.of(placeA), Set.of(placeB)).isEmpty()) {
            return false;
        }
        return HotSpotName.problemWords(a, placeA).stream().anyMatch(HotSpotName.problemWords(b, placeB)::contains);
    }

    static List<String> months(Instant from, Instant to, ZoneId zone) {
        List<String> months = new ArrayList<>();
        YearMonth last = YearMonth.from(to.atZone(zone));
        for (YearMonth m = YearMonth.from(from.atZone(zone)); !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }
}
