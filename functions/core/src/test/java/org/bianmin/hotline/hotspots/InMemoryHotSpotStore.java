package org.bianmin.hotline.hotspots;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hot-spot store's contract held in maps, for evaluations that cluster thousands of real messages where the
 * question is the clustering's quality, not the store (DynamoHotSpotStore is tested on dynalite in HotSpotsTest).
 */
public final class InMemoryHotSpotStore implements HotSpotStore {

    private final Map<String, String> clusterOfTicket = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> keys = new ConcurrentHashMap<>();
    private final Map<String, HotSpotCluster> clusters = new ConcurrentHashMap<>();
    private final Map<String, List<HotSpotMember>> members = new ConcurrentHashMap<>();
    private final Map<String, Map<String, MonthActivity>> months = new ConcurrentHashMap<>();

    @Override
    public Optional<String> clusterOf(String trackingNumber) {
        return Optional.ofNullable(clusterOfTicket.get(trackingNumber));
    }

    @Override
    public Map<String, Integer> clustersUnder(Set<String> lookups) {
        Map<String, Integer> hits = new HashMap<>();
        lookups.forEach(k -> keys.getOrDefault(k, Set.of()).forEach(id -> hits.merge(id, 1, Integer::sum)));
        return hits;
    }

    @Override
    public List<HotSpotCluster> load(Collection<String> clusterIds) {
        return clusterIds.stream().map(clusters::get).filter(c -> c != null).toList();
    }

    @Override
    public synchronized boolean save(HotSpotCluster cluster) {
        HotSpotCluster stored = clusters.get(cluster.id());
        long storedVersion = stored == null ? 0 : stored.version();
        if (storedVersion != cluster.version() - 1) {
            return false;
        }
        clusters.put(cluster.id(), cluster);
        return true;
    }

    @Override
    public void addMember(HotSpotCluster cluster, HotSpotMember member, Set<String> newKeys) {
        members.computeIfAbsent(cluster.id(), id -> new ArrayList<>()).add(member);
        clusterOfTicket.put(member.trackingNumber(), cluster.id());
        newKeys.forEach(k -> keys.computeIfAbsent(k, x -> ConcurrentHashMap.newKeySet()).add(cluster.id()));
    }

    @Override
    public void recordActivity(HotSpotCluster cluster, String month) {
        months.computeIfAbsent(month, m -> new ConcurrentHashMap<>()).put(cluster.id(),
                new MonthActivity(cluster.id(), cluster.department(), cluster.months().getOrDefault(month, 0)));
    }

    @Override
    public List<MonthActivity> activeIn(List<String> asked) {
        Map<String, MonthActivity> active = new LinkedHashMap<>();
        for (String month : asked) {
            months.getOrDefault(month, Map.of()).values().forEach(a -> active.merge(a.clusterId(), a,
                    (x, y) -> new MonthActivity(x.clusterId(), y.department(), x.reports() + y.reports())));
        }
        return new ArrayList<>(active.values());
    }

    @Override
    public List<HotSpotMember> members(String clusterId, Instant from, Instant to) {
        return members.getOrDefault(clusterId, List.of()).stream()
                .filter(m -> !m.at().isBefore(from) && !m.at().isAfter(to))
                .sorted(Comparator.comparing(HotSpotMember::at)).toList();
    }
}
