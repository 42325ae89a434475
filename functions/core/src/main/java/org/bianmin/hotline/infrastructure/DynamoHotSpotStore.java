package org.bianmin.hotline.infrastructure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bianmin.hotline.hotspots.HotSpotCluster;
import org.bianmin.hotline.hotspots.HotSpotMember;
import org.bianmin.hotline.hotspots.HotSpotName;
import org.bianmin.hotline.hotspots.HotSpotStore;
import org.bianmin.hotline.similarity.RequestFingerprint;
import org.bianmin.store.SortableTime;
import org.bianmin.store.TableUse;
import org.bianmin.store.Tables;
import org.bianmin.store.UsesTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code hotspots} table, one partition key {@code pk} and sort key {@code sk}, several kinds of item:
 * <ul>
 * <li>{@code C#<cluster>} / {@code summary}: the cluster's summary ({@link HotSpotCluster}, as JSON) and version;</li>
 * <li>{@code C#<cluster>} / {@code m#<time>#<trackingNumber>}: a member, so members of a period are one Query;</li>
 * <li>{@code K#<key>} / {@code clusters}: the clusters indexed under a lookup key (a string set, added to with
 * {@code ADD}), read for a ticket's keys with one BatchGetItem;</li>
 * <li>{@code M#<yyyy-MM>} / {@code <cluster>}: a cluster's tickets in that month (from its second ticket on), the
 * partitions the listing reads;</li>
 * <li>{@code T#<trackingNumber>} / {@code cluster}: the ticket's cluster.</li>
 * </ul>
 */
public final class DynamoHotSpotStore implements HotSpotStore, UsesTables {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PK = "pk";
    private static final String SK = "sk";
    private static final int BATCH_GET = 100;

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final boolean writer;

    /**
     * @param writer whether this adapter clusters (reads keys and summaries, writes) or only lists (reads summaries,
     *               members and month partitions): each function is granted exactly what its adapter does
     */
    public DynamoHotSpotStore(DynamoDbClient dynamo, String tablePrefix, boolean writer) {
        this.dynamo = dynamo;
        this.tableName = Tables.HOTSPOTS.tableName(tablePrefix);
        this.writer = writer;
    }

    private void requireWriter() {
        if (!writer) {
            throw new IllegalStateException("this hot-spot store only lists");
        }
    }

    @Override
    public Optional<String> clusterOf(String trackingNumber) {
        requireWriter();
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(tableName)
                .key(key("T#" + trackingNumber, "cluster"))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item.get("cluster").s());
    }

    @Override
    public Map<String, Integer> clustersUnder(Set<String> keys) {
        Map<String, Integer> hits = new HashMap<>();
        for (Map<String, AttributeValue> item : batchGet(keys.stream().map(k -> key("K#" + k, "clusters")).toList())) {
            AttributeValue ids = item.get("ids");
            if (ids != null && ids.hasSs()) {
                ids.ss().forEach(id -> hits.merge(id, 1, Integer::sum));
            }
        }
        return hits;
    }

    @Override
    public List<HotSpotCluster> load(Collection<String> clusterIds) {
        List<HotSpotCluster> clusters = new ArrayList<>();
        for (Map<String, AttributeValue> item : batchGet(clusterIds.stream().map(id -> key("C#" + id, "summary")).toList())) {
            StoredCluster stored = JSON.readValue(item.get("summary").s(), StoredCluster.class);
            clusters.add(stored.cluster(item.get(PK).s().substring(2), Long.parseLong(item.get("version").n())));
        }
        return clusters;
    }

    @Override
    public boolean save(HotSpotCluster cluster) {
        requireWriter();
        HotSpotName name = HotSpotName.of(cluster);
        Map<String, AttributeValue> item = new HashMap<>(key("C#" + cluster.id(), "summary"));
        item.put("version", AttributeValue.fromN(Long.toString(cluster.version())));
        item.put("size", AttributeValue.fromN(Integer.toString(cluster.size())));
        item.put("name", AttributeValue.fromS(String.valueOf(name.text())));
        if (cluster.department() != null) {
            item.put("department", AttributeValue.fromS(cluster.department()));
        }
        item.put("summary", AttributeValue.fromS(JSON.writeValueAsString(StoredCluster.of(cluster))));
        try {
            if (cluster.version() == 1) {
                dynamo.putItem(p -> p.tableName(tableName).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                dynamo.putItem(p -> p.tableName(tableName).item(item).conditionExpression("version = :expected")
                        .expressionAttributeValues(Map.of(":expected",
                                AttributeValue.fromN(Long.toString(cluster.version() - 1)))));
            }
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    @Override
    public void addMember(HotSpotCluster cluster, HotSpotMember member, Set<String> newKeys) {
        requireWriter();
        Map<String, AttributeValue> item = new HashMap<>(key("C#" + cluster.id(),
                "m#" + SortableTime.format(member.at()) + "#" + member.trackingNumber()));
        item.put("trackingNumber", AttributeValue.fromS(member.trackingNumber()));
        if (member.externalId() != null) {
            item.put("externalId", AttributeValue.fromS(member.externalId()));
        }
        item.put("at", AttributeValue.fromS(member.at().toString()));
        item.put("likes", AttributeValue.fromN(Integer.toString(member.likes())));
        item.put("reporter", AttributeValue.fromS(member.reporter()));
        dynamo.putItem(p -> p.tableName(tableName).item(item));
        Map<String, AttributeValue> assignment = new HashMap<>(key("T#" + member.trackingNumber(), "cluster"));
        assignment.put("cluster", AttributeValue.fromS(cluster.id()));
        dynamo.putItem(p -> p.tableName(tableName).item(assignment));
        for (String k : newKeys) {
            dynamo.updateItem(u -> u.tableName(tableName).key(key("K#" + k, "clusters"))
                    .updateExpression("ADD ids :id")
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromSs(List.of(cluster.id())))));
        }
    }

    @Override
    public void recordActivity(HotSpotCluster cluster, String month) {
        requireWriter();
        Map<String, AttributeValue> item = new HashMap<>(key("M#" + month, cluster.id()));
        item.put("reports", AttributeValue.fromN(Integer.toString(cluster.months().getOrDefault(month, 0))));
        if (cluster.department() != null) {
            item.put("department", AttributeValue.fromS(cluster.department()));
        }
        dynamo.putItem(p -> p.tableName(tableName).item(item));
    }

    @Override
    public List<MonthActivity> activeIn(List<String> months) {
        Map<String, MonthActivity> active = new LinkedHashMap<>();
        for (String month : months) {
            dynamo.queryPaginator(q -> q.tableName(tableName).keyConditionExpression("pk = :month")
                            .expressionAttributeValues(Map.of(":month", AttributeValue.fromS("M#" + month))))
                    .items().forEach(item -> {
                        String id = item.get(SK).s();
                        String department = item.containsKey("department") ? item.get("department").s() : null;
                        int reports = Integer.parseInt(item.get("reports").n());
                        active.merge(id, new MonthActivity(id, department, reports),
                                (a, b) -> new MonthActivity(id, b.department(), a.reports() + b.reports()));
                    });
        }
        return new ArrayList<>(active.values());
    }

    @Override
    public List<HotSpotMember> members(String clusterId, Instant from, Instant to) {
        List<HotSpotMember> members = new ArrayList<>();
        dynamo.queryPaginator(q -> q.tableName(tableName).keyConditionExpression("pk = :c AND sk BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("C#" + clusterId),
                                ":from", AttributeValue.fromS("m#" + SortableTime.format(from)),
                                ":to", AttributeValue.fromS("m#" + SortableTime.format(to) + "#~"))))
                .items().forEach(item -> members.add(new HotSpotMember(item.get("trackingNumber").s(),
                        item.containsKey("externalId") ? item.get("externalId").s() : null,
                        Instant.parse(item.get("at").s()), Integer.parseInt(item.get("likes").n()),
                        item.get("reporter").s())));
        return members;
    }

    /** Reads items by key, 100 per request, until DynamoDB has returned every one it holds. */
    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        List<Map<String, AttributeValue>> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
        for (int start = 0; start < distinct.size(); start += BATCH_GET) {
            Map<String, KeysAndAttributes> request = Map.of(tableName, KeysAndAttributes.builder()
                    .keys(distinct.subList(start, Math.min(distinct.size(), start + BATCH_GET))).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> asked = request;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(asked));
                items.addAll(response.responses().getOrDefault(tableName, List.of()));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return items;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    @Override
    public List<TableUse> tablesUsed() {
        return List.of(writer ? TableUse.of(Tables.HOTSPOTS, "GetItem", "BatchGetItem", "PutItem", "UpdateItem")
                : TableUse.of(Tables.HOTSPOTS, "BatchGetItem", "Query"));
    }

    /** A cluster summary as stored: sets as lists, so the order of a ticket's words (its writing order) survives. */
    record StoredCluster(int size, Instant firstAt, Instant lastAt, Map<String, Integer> departments,
                         Map<String, Integer> categories, Map<String, Integer> places, Map<String, Integer> problems,
                         Map<String, Integer> months, List<StoredFingerprint> sample, List<String> keys) {

        static StoredCluster of(HotSpotCluster c) {
            return new StoredCluster(c.size(), c.firstAt(), c.lastAt(), c.departments(), c.categories(), c.places(),
                    c.problems(), c.months(), c.sample().stream().map(StoredFingerprint::of).toList(),
                    List.copyOf(c.indexedKeys()));
        }

        HotSpotCluster cluster(String id, long version) {
            return new HotSpotCluster(id, version, size, firstAt, lastAt, departments, categories, places, problems,
                    months, sample.stream().map(StoredFingerprint::fingerprint).toList(), new LinkedHashSet<>(keys));
        }
    }

    record StoredFingerprint(String trackingNumber, List<String> places, List<String> words, List<String> headWords,
                             String gridCode, Double lat, Double lon, Instant at) {

        static StoredFingerprint of(RequestFingerprint f) {
            return new StoredFingerprint(f.trackingNumber(), List.copyOf(f.places()), List.copyOf(f.words()),
                    List.copyOf(f.headWords()), f.gridCode(), f.lat(), f.lon(), f.at());
        }

        RequestFingerprint fingerprint() {
            return new RequestFingerprint(trackingNumber, new LinkedHashSet<>(places), new LinkedHashSet<>(words),
                    new LinkedHashSet<>(headWords), gridCode, lat, lon, at);
        }
    }
}
