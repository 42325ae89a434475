package org.bianmin.hotline.infrastructure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.hotline.application.TicketStatistics;
import org.bianmin.hotline.application.QueueQuery;
import org.bianmin.hotline.application.TicketStore;
import org.bianmin.hotline.model.GridAssignment;
import org.bianmin.hotline.model.Location;
import org.bianmin.hotline.model.ProtectedPhone;
import org.bianmin.hotline.model.RoutingSuggestion;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketEvent;
import org.bianmin.hotline.model.TicketOrigin;
import org.bianmin.hotline.model.TicketStatus;
import org.bianmin.hotline.model.SlaClass;
import org.bianmin.hotline.model.SuspectedDuplicate;
import org.bianmin.store.MergedQuery;
import org.bianmin.store.Page;
import org.bianmin.store.TableUse;
import org.bianmin.store.Tables;
import org.bianmin.store.UsesTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Tickets in the {@code tickets} table, one item each. The item carries the index keys of {@link Tables#TICKETS}:
 * {@code departmentStatus}, {@code status}, {@code openDeadline} (only while open, so the deadline index holds
 * open tickets alone), {@code phoneHash}, {@code suspectedDuplicate} (only while the ticket waits in the desk's 重复件
 * view, {@link SuspectedDuplicate}) and, on imported tickets only, {@code externalId}. Creation is conditional on the
 * tracking number being free. Open imported tickets sit in the deadline index under their own key {@code IMPORTED}:
 * their deadlines passed long ago in the earlier system, and thousands of them in the {@code OPEN} partition would
 * hide today's overdue tickets from the SLA scheduler, but the desk still sorts them by deadline and priority.
 * {@code likelyDuplicates} (the intake's similarity check) and {@code incidentId} are plain attributes: an incident
 * lists its members itself, so no index is needed to find them.
 */
public final class DynamoTicketStore implements TicketStore, UsesTables {

    static final String OPEN = "OPEN";
    static final String ESCALATED = "ESCALATED";
    /** The deadline index's partition of open imported tickets: sorted by the desk, never read by the SLA scheduler. */
    static final String IMPORTED = "IMPORTED";
    /** The one partition of the sparse 重复件 index. */
    static final String SUSPECTED = "SUSPECTED";
    private static final String DUE = "dueAt";
    private static final Comparator<Map<String, AttributeValue>> EARLIEST_DUE =
            Comparator.comparing((Map<String, AttributeValue> item) -> Instant.parse(item.get(DUE).s()));
    /** Urgent first, then normal, then consultation (the enum's order), each by deadline. */
    private static final Comparator<Map<String, AttributeValue>> MOST_PRESSING =
            Comparator.comparing((Map<String, AttributeValue> item) -> SlaClass.valueOf(item.get("sla").s()))
                    .thenComparing(EARLIEST_DUE);
    private static final String CREATED = "createdAt";
    /** The order of every listing: the index queries read createdAt descending, and the merge keeps it. */
    private static final Comparator<Map<String, AttributeValue>> NEWEST_FIRST =
            Comparator.comparing((Map<String, AttributeValue> item) -> item.get(CREATED).s()).reversed();

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final TicketStatistics statistics;
    private final MergedQuery merged;

    public DynamoTicketStore(DynamoDbClient dynamo, String tablePrefix) {
        this.dynamo = dynamo;
        this.tableName = Tables.TICKETS.tableName(tablePrefix);
        this.statistics = new DynamoTicketStatistics(dynamo, tablePrefix);
        this.merged = new MergedQuery(dynamo);
    }

    @Override
    public boolean create(Ticket ticket) {
        try {
            dynamo.putItem(p -> p.tableName(tableName).item(toItem(ticket))
                    .conditionExpression("attribute_not_exists(trackingNumber)"));
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
        statistics.record(null, ticket);
        return true;
    }

    @Override
    public Optional<Ticket> find(String trackingNumber) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(tableName).consistentRead(true)
                .key(Map.of("trackingNumber", AttributeValue.fromS(trackingNumber)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public boolean update(Ticket ticket, long expectedVersion) {
        Map<String, AttributeValue> old;
        try {
            old = dynamo.putItem(p -> p.tableName(tableName).item(toItem(ticket))
                    .conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion))))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
        } catch (ConditionalCheckFailedException someoneElse) {
            return false;
        }
        statistics.record(old == null || old.isEmpty() ? null : fromItem(old), ticket);
        return true;
    }

    @Override
    public Page<Ticket> list(String department, List<TicketStatus> statuses, int limit, String cursor) {
        List<MergedQuery.Partition> partitions = new ArrayList<>();
        for (TicketStatus status : statuses) {
            partitions.add(department != null
                    ? partition("byDepartmentStatus", "departmentStatus", department + "#" + status.name(), null, null, null)
                    : partition("byStatus", "status", status.name(), null, null, null));
        }
        return merged.page(partitions, NEWEST_FIRST, limit, cursor).map(DynamoTicketStore::fromItem);
    }

    @Override
    public Page<Ticket> created(Instant from, Instant to, List<String> categoryCodes, Boolean open, int limit, String cursor) {
        List<MergedQuery.Partition> partitions = new ArrayList<>();
        if (!categoryCodes.isEmpty()) {
            for (String code : categoryCodes) {
                partitions.add(partition("byCategory", "categoryCode", code, from, to, open));
            }
        } else {
            for (TicketStatus status : TicketStatus.values()) {
                if (open == null || status.isOpen() == open) {
                    partitions.add(partition("byStatus", "status", status.name(), from, to, null));
                }
            }
        }
        return merged.page(partitions, NEWEST_FIRST, limit, cursor).map(DynamoTicketStore::fromItem);
    }

    /** One index partition, newest first, optionally created in [from, to] and only open or only finished tickets. */
    private MergedQuery.Partition partition(String index, String keyAttribute, String keyValue, Instant from, Instant to,
                                            Boolean open) {
        Map<String, String> names = new HashMap<>(Map.of("#k", keyAttribute));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":k", s(keyValue)));
        String condition = "#k = :k";
        if (from != null) {
            names.put("#c", CREATED);
            values.put(":from", s(from.toString()));
            values.put(":to", s(to.toString()));
            condition += " AND #c BETWEEN :from AND :to";
        }
        QueryRequest.Builder query = QueryRequest.builder().tableName(tableName).indexName(index).scanIndexForward(false)
                .keyConditionExpression(condition);
        if (open != null) {
            names.put("#s", "status");
            values.put(":resolved", s(TicketStatus.RESOLVED.name()));
            values.put(":closed", s(TicketStatus.CLOSED.name()));
            query.filterExpression(open ? "NOT (#s IN (:resolved, :closed))" : "#s IN (:resolved, :closed)");
        }
        query.expressionAttributeNames(names).expressionAttributeValues(values);
        return new MergedQuery.Partition(query.build(), List.of("trackingNumber", keyAttribute, CREATED),
                Map.of(keyAttribute, keyValue));
    }

    @Override
    public List<Ticket> overdue(Instant now, int limit) {
        return dynamo.query(q -> q.tableName(tableName).indexName("byDeadline").limit(limit)
                .keyConditionExpression("openDeadline = :open AND dueAt < :now")
                .expressionAttributeValues(Map.of(":open", s(OPEN), ":now", s(now.toString()))))
                .items().stream().map(DynamoTicketStore::fromItem).toList();
    }

    @Override
    public List<Ticket> withExternalId(String externalId) {
        return dynamo.query(q -> q.tableName(tableName).indexName("byExternalId")
                .keyConditionExpression("externalId = :id")
                .expressionAttributeValues(Map.of(":id", s(externalId))))
                .items().stream().map(DynamoTicketStore::fromItem).toList();
    }

    @Override
    public List<Ticket> inCategory(String categoryCode, Instant from, Instant to, int limit) {
        return dynamo.query(q -> q.tableName(tableName).indexName("byCategory").scanIndexForward(false).limit(limit)
                .keyConditionExpression("categoryCode = :c AND createdAt BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":c", s(categoryCode), ":from", s(from.toString()), ":to", s(to.toString()))))
                .items().stream().map(DynamoTicketStore::fromItem).toList();
    }

    /** What a sketch reads of each item: the similarity check's inputs, not the trail, the phone or the routing. */
    private static final String SKETCH = "trackingNumber, #text, #status, address, community, lat, lon, gridCode, createdAt";

    @Override
    public List<Ticket> sketchesInCategory(String categoryCode, Instant from, Instant to, int limit) {
        return dynamo.query(q -> q.tableName(tableName).indexName("byCategory").scanIndexForward(false).limit(limit)
                .keyConditionExpression("categoryCode = :c AND createdAt BETWEEN :from AND :to")
                .projectionExpression(SKETCH).expressionAttributeNames(Map.of("#text", "text", "#status", "status"))
                .expressionAttributeValues(Map.of(":c", s(categoryCode), ":from", s(from.toString()), ":to", s(to.toString()))))
                .items().stream().map(item -> sketch(item, categoryCode)).toList();
    }

    private static Ticket sketch(Map<String, AttributeValue> item, String categoryCode) {
        Location location = new Location(str(item, "address"), str(item, "community"),
                item.containsKey("lat") ? Double.valueOf(item.get("lat").n()) : null,
                item.containsKey("lon") ? Double.valueOf(item.get("lon").n()) : null);
        GridAssignment grid = item.containsKey("gridCode")
                ? new GridAssignment(str(item, "gridCode"), null, null, null, null) : null;
        Instant created = Instant.parse(str(item, "createdAt"));
        return new Ticket(str(item, "trackingNumber"), null, TicketStatus.valueOf(str(item, "status")), 0, null,
                str(item, "text"), null, location, null, categoryCode, null, null, grid, null, false, created, created,
                null, null, List.of());
    }

    @Override
    public List<Ticket> createdBetween(Instant from, Instant to) {
        List<Ticket> found = new ArrayList<>();
        for (TicketStatus status : TicketStatus.values()) {
            dynamo.queryPaginator(q -> q.tableName(tableName).indexName("byStatus")
                    .keyConditionExpression("#s = :status AND createdAt BETWEEN :from AND :to")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":status", s(status.name()), ":from", s(from.toString()),
                            ":to", s(to.toString()))))
                    .items().forEach(item -> found.add(fromItem(item)));
        }
        return found;
    }

    @Override
    public Page<Ticket> queue(QueueQuery query, int limit, String cursor) {
        Comparator<Map<String, AttributeValue>> order = switch (query.order()) {
            case CREATED -> NEWEST_FIRST;
            case DUE -> EARLIEST_DUE;
            case PRIORITY -> MOST_PRESSING;
        };
        return merged.page(queuePartitions(query), order, limit, cursor).map(DynamoTicketStore::fromItem);
    }

    @Override
    public long count(QueueQuery query) {
        long count = 0;
        for (MergedQuery.Partition partition : queuePartitions(query)) {
            QueryRequest request = partition.query().toBuilder().select(Select.COUNT).build();
            for (var page : dynamo.queryPaginator(request)) {
                count += page.count();
            }
        }
        return count;
    }

    @Override
    public List<Ticket> withPhoneHashes(List<String> phoneHashes, int limit) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (String hash : new java.util.LinkedHashSet<>(phoneHashes)) {
            items.addAll(dynamo.query(q -> q.tableName(tableName).indexName("byPhone").scanIndexForward(false).limit(limit)
                    .keyConditionExpression("phoneHash = :h")
                    .expressionAttributeValues(Map.of(":h", s(hash)))).items());
        }
        return items.stream().sorted(NEWEST_FIRST).limit(limit).map(DynamoTicketStore::fromItem).toList();
    }

    /**
     * The index partitions of a queue. Newest first: one partition per status (of the department, or of all).
     * By deadline: the open-deadline index, OPEN, ESCALATED and (without a deadline window) IMPORTED partitions as the
     * statuses need them, the department and the statuses as filters; by priority, each of those once per SLA class,
     * merged urgent first. Suspected duplicates: their sparse index, newest first, the same filters.
     */
    private List<MergedQuery.Partition> queuePartitions(QueueQuery query) {
        List<MergedQuery.Partition> partitions = new ArrayList<>();
        List<TicketStatus> everyOpen = java.util.Arrays.stream(TicketStatus.values()).filter(TicketStatus::isOpen).toList();
        if (query.suspectedDuplicates()) {
            // one sparse partition, newest first; the department and the statuses it may see are filters
            List<TicketStatus> open = query.statuses().stream().filter(TicketStatus::isOpen).toList();
            if (!open.isEmpty()) {
                Filter filter = new Filter().department(query.department())
                        .statuses(open.containsAll(everyOpen) ? List.of() : open).text(query.text());
                partitions.add(filtered("bySuspectedDuplicate", "suspectedDuplicate", SUSPECTED, CREATED, null, null, filter));
            }
            return partitions;
        }
        if (!query.byDeadline()) {
            for (TicketStatus status : query.statuses()) {
                Filter filter = new Filter().text(query.text());
                partitions.add(query.department() != null
                        ? filtered("byDepartmentStatus", "departmentStatus", query.department() + "#" + status.name(), CREATED,
                                null, null, filter)
                        : filtered("byStatus", "status", status.name(), CREATED, null, null, filter));
            }
            return partitions;
        }
        List<TicketStatus> open = query.statuses().stream().filter(TicketStatus::isOpen).toList();
        List<TicketStatus> waiting = open.stream().filter(st -> st != TicketStatus.ESCALATED).toList();
        List<TicketStatus> everyWaiting = java.util.Arrays.stream(TicketStatus.values())
                .filter(st -> st.isOpen() && st != TicketStatus.ESCALATED).toList();
        List<String> keys = new ArrayList<>();
        if (!waiting.isEmpty()) {
            keys.add(OPEN);
        }
        if (open.contains(TicketStatus.ESCALATED)) {
            keys.add(ESCALATED);
        }
        if (!open.isEmpty() && !query.deadlineWindow()) {
            // imported tickets sort with the rest, but their long-passed deadlines are the earlier system's, not this
            // desk's: they stay out of 即将超期 and 已超期 (and out of the SLA scheduler's reach)
            keys.add(IMPORTED);
        }
        for (String key : keys) {
            List<TicketStatus> statuses = key.equals(OPEN) && !waiting.containsAll(everyWaiting) ? waiting
                    : key.equals(IMPORTED) && !open.containsAll(everyOpen) ? open : List.of();
            List<SlaClass> classes = query.order() == QueueQuery.Order.PRIORITY ? List.of(SlaClass.values()) : java.util.Collections.singletonList(null);
            for (SlaClass sla : classes) {
                Filter filter = new Filter().department(query.department()).statuses(statuses).sla(sla).text(query.text());
                partitions.add(filtered("byDeadline", "openDeadline", key, DUE, query.dueFrom(), query.dueBefore(), filter));
            }
        }
        return partitions;
    }

    /** One index partition with an optional range on its sort key and an optional filter. */
    private MergedQuery.Partition filtered(String index, String keyAttribute, String keyValue, String sortAttribute,
                                           Instant from, Instant before, Filter filter) {
        Map<String, String> names = new HashMap<>(filter.names);
        Map<String, AttributeValue> values = new HashMap<>(filter.values);
        names.put("#k", keyAttribute);
        values.put(":k", s(keyValue));
        String condition = "#k = :k";
        if (from != null || before != null) {
            names.put("#r", sortAttribute);
            if (from != null && before != null) {
                values.put(":from", s(from.toString()));
                values.put(":before", s(before.toString()));
                condition += " AND #r BETWEEN :from AND :before";
            } else if (from != null) {
                values.put(":from", s(from.toString()));
                condition += " AND #r >= :from";
            } else {
                values.put(":before", s(before.toString()));
                condition += " AND #r < :before";
            }
        }
        QueryRequest.Builder query = QueryRequest.builder().tableName(tableName).indexName(index).scanIndexForward(
                !sortAttribute.equals(CREATED)).keyConditionExpression(condition).expressionAttributeNames(names)
                .expressionAttributeValues(values);
        if (!filter.conditions.isEmpty()) {
            query.filterExpression(String.join(" AND ", filter.conditions));
        }
        return new MergedQuery.Partition(query.build(), List.of("trackingNumber", keyAttribute, sortAttribute),
                Map.of(keyAttribute, keyValue));
    }

    /** The filter of a queue partition, built up condition by condition. */
    private static final class Filter {
        final List<String> conditions = new ArrayList<>();
        final Map<String, String> names = new HashMap<>();
        final Map<String, AttributeValue> values = new HashMap<>();

        Filter department(String department) {
            if (department != null) {
                names.put("#dep", "department");
                values.put(":dep", s(department));
                conditions.add("#dep = :dep");
            }
            return this;
        }

        Filter statuses(List<TicketStatus> statuses) {
            if (!statuses.isEmpty()) {
                names.put("#st", "status");
                List<String> placeholders = new ArrayList<>();
                for (int i = 0; i < statuses.size(); i++) {
                    values.put(":st" + i, s(statuses.get(i).name()));
                    placeholders.add(":st" + i);
                }
                conditions.add("#st IN (" + String.join(", ", placeholders) + ")");
            }
            return this;
        }

        Filter sla(SlaClass sla) {
            if (sla != null) {
                names.put("#sla", "sla");
                values.put(":sla", s(sla.name()));
                conditions.add("#sla = :sla");
            }
            return this;
        }

        Filter text(String text) {
            if (text != null && !text.isBlank()) {
                names.put("#txt", "text");
                values.put(":txt", s(text.strip()));
                conditions.add("contains(#txt, :txt)");
            }
            return this;
        }
    }

    static Map<String, AttributeValue> toItem(Ticket t) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("trackingNumber", s(t.trackingNumber()));
        item.put("verificationHash", s(t.verificationHash()));
        item.put("status", s(t.status().name()));
        item.put("version", AttributeValue.fromN(Long.toString(t.version())));
        item.put("channel", s(t.channel()));
        item.put("text", s(t.text()));
        item.put("phoneHash", s(t.phone().hash()));
        item.put("phoneMasked", s(t.phone().masked()));
        item.put("phoneCipher", s(t.phone().ciphertext()));
        if (t.location() != null) {
            putIfPresent(item, "address", t.location().address());
            putIfPresent(item, "community", t.location().community());
            if (t.location().hasCoordinates()) {
                item.put("lat", AttributeValue.fromN(t.location().lat().toString()));
                item.put("lon", AttributeValue.fromN(t.location().lon().toString()));
            }
        }
        item.put("domain", s(t.domain()));
        item.put("categoryCode", s(t.categoryCode()));
        item.put("category", s(t.category()));
        item.put("department", s(t.department()));
        item.put("departmentStatus", s(t.department() + "#" + t.status().name()));
        if (t.grid() != null) {
            item.put("gridCode", s(t.grid().code()));
            item.put("gridName", s(t.grid().name()));
            item.put("gridCommunity", s(t.grid().community()));
            item.put("gridStreet", s(t.grid().street()));
            item.put("gridDistrict", s(t.grid().district()));
        }
        item.put("sla", s(t.sla().name()));
        item.put("manualTriage", AttributeValue.fromBool(t.manualTriage()));
        item.put("createdAt", s(t.createdAt().toString()));
        item.put("dueAt", s(t.dueAt().toString()));
        if (t.origin() != null) {
            item.put("externalId", s(t.origin().externalId()));
            item.put("likes", AttributeValue.fromN(Integer.toString(t.origin().likes())));
        }
        if (t.status().isOpen()) {
            // sparse deadline index: OPEN holds the tickets the SLA scheduler may still have to escalate; escalated
            // and imported ones sit in partitions of their own, so the scheduler never reads them and the desk can
            // still sort them
            item.put("openDeadline", s(t.origin() != null ? IMPORTED : t.status() == TicketStatus.ESCALATED ? ESCALATED : OPEN));
        }
        if (SuspectedDuplicate.awaitingReview(t)) {
            // sparse 重复件 index: every write puts the whole item, so linking or finishing the ticket drops it
            item.put("suspectedDuplicate", s(SUSPECTED));
        }
        if (t.rating() != null) {
            item.put("rating", AttributeValue.fromN(t.rating().toString()));
        }
        putIfPresent(item, "sessionId", t.sessionId());
        if (t.suggestion() != null) {
            RoutingSuggestion suggested = t.suggestion();
            item.put("suggestedDomain", s(suggested.domain()));
            item.put("suggestedCategoryCode", s(suggested.categoryCode()));
            item.put("suggestedCategory", s(suggested.category()));
            item.put("suggestedDepartment", s(suggested.department()));
            item.put("suggestedModel", s(suggested.modelVersion()));
            item.put("suggestedConfidence", AttributeValue.fromN(Double.toString(suggested.confidence())));
        }
        if (!t.likelyDuplicates().isEmpty()) {
            item.put("likelyDuplicates", AttributeValue.fromL(t.likelyDuplicates().stream().map(AttributeValue::fromS).toList()));
        }
        putIfPresent(item, "incidentId", t.incidentId());
        List<AttributeValue> events = new ArrayList<>();
        for (TicketEvent e : t.events()) {
            Map<String, AttributeValue> event = new HashMap<>();
            event.put("at", s(e.at().toString()));
            event.put("actor", s(e.actor()));
            event.put("action", s(e.action()));
            if (e.from() != null) {
                event.put("from", s(e.from().name()));
            }
            event.put("to", s(e.to().name()));
            putIfPresent(event, "note", e.note());
            putIfPresent(event, "actorName", e.actorName());
            events.add(AttributeValue.fromM(event));
        }
        item.put("events", AttributeValue.fromL(events));
        return item;
    }

    static Ticket fromItem(Map<String, AttributeValue> item) {
        Location location = new Location(str(item, "address"), str(item, "community"),
                item.containsKey("lat") ? Double.valueOf(item.get("lat").n()) : null,
                item.containsKey("lon") ? Double.valueOf(item.get("lon").n()) : null);
        GridAssignment grid = item.containsKey("gridCode")
                ? new GridAssignment(str(item, "gridCode"), str(item, "gridName"), str(item, "gridCommunity"),
                        str(item, "gridStreet"), str(item, "gridDistrict"))
                : null;
        List<TicketEvent> events = new ArrayList<>();
        for (AttributeValue value : item.get("events").l()) {
            Map<String, AttributeValue> e = value.m();
            events.add(new TicketEvent(Instant.parse(e.get("at").s()), e.get("actor").s(), e.get("action").s(),
                    e.containsKey("from") ? TicketStatus.valueOf(e.get("from").s()) : null,
                    TicketStatus.valueOf(e.get("to").s()), str(e, "note"), str(e, "actorName")));
        }
        return new Ticket(str(item, "trackingNumber"), str(item, "verificationHash"),
                TicketStatus.valueOf(str(item, "status")), Long.parseLong(item.get("version").n()), str(item, "channel"),
                str(item, "text"), new ProtectedPhone(str(item, "phoneHash"), str(item, "phoneMasked"), str(item, "phoneCipher")),
                location, str(item, "domain"), str(item, "categoryCode"), str(item, "category"), str(item, "department"),
                grid, SlaClass.valueOf(str(item, "sla")), item.get("manualTriage").bool(),
                Instant.parse(str(item, "createdAt")), Instant.parse(str(item, "dueAt")), str(item, "sessionId"),
                item.containsKey("rating") ? Integer.valueOf(item.get("rating").n()) : null, events,
                item.containsKey("externalId") ? new TicketOrigin(str(item, "externalId"),
                        item.containsKey("likes") ? Integer.parseInt(item.get("likes").n()) : 0) : null,
                item.containsKey("suggestedDomain") ? new RoutingSuggestion(str(item, "suggestedDomain"),
                        str(item, "suggestedCategoryCode"), str(item, "suggestedCategory"), str(item, "suggestedDepartment"),
                        str(item, "suggestedModel"), Double.parseDouble(item.get("suggestedConfidence").n())) : null,
                item.containsKey("likelyDuplicates")
                        ? item.get("likelyDuplicates").l().stream().map(AttributeValue::s).toList() : List.of(),
                str(item, "incidentId"));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isEmpty()) {
            item.put(name, s(value));
        }
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    @Override
    public List<TableUse> tablesUsed() {
        return List.of(TableUse.of(Tables.TICKETS, "GetItem", "PutItem", "Query"),
                TableUse.of(Tables.TICKET_STATISTICS, "UpdateItem"));
    }
}
