package org.bianmin.hotline.hotspots;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where clusters live (the {@code hotspots} table): summaries, members, the index keys that find a cluster, each
 * ticket's cluster, and each month's active clusters. Every read is by key or by one partition, never a scan.
 */
public interface HotSpotStore {

    /** The cluster the ticket was assigned to, if it was. */
    Optional<String> clusterOf(String trackingNumber);

    /** The clusters indexed under any of {@code keys}, each with how many of the keys name it. */
    Map<String, Integer> clustersUnder(Set<String> keys);

    /** The summaries of these clusters; unknown ids are left out. */
    List<HotSpotCluster> load(Collection<String> clusterIds);

    /**
     * Stores the summary if the stored one is still at {@code cluster.version() - 1} (none, for a new cluster).
     *
     * @return false when another writer changed the cluster first (the caller reads it again)
     */
    boolean save(HotSpotCluster cluster);

    /** Records a ticket's membership: the member item, the ticket's cluster, and the keys not yet indexed. */
    void addMember(HotSpotCluster cluster, HotSpotMember member, Set<String> newKeys);

    /** Records how many tickets the cluster received in {@code month} (a cluster lists from its second ticket on). */
    void recordActivity(HotSpotCluster cluster, String month);

    /** The clusters with activity in these months (yyyy-MM): id, department, and tickets received in those months. */
    List<MonthActivity> activeIn(List<String> months);

    /** A cluster's members received in [{@code from}, {@code to}], oldest first. */
    List<HotSpotMember> members(String clusterId, Instant from, Instant to);

    /** A cluster's tickets in some months, as the month partitions hold them (summed over the months asked). */
    record MonthActivity(String clusterId, String department, int reports) {
    }
}
