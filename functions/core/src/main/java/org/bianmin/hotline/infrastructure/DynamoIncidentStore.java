package org.bianmin.hotline.infrastructure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.hotline.application.IncidentStore;
import org.bianmin.hotline.model.Incident;
import org.bianmin.hotline.model.TicketEvent;
import org.bianmin.hotline.model.TicketStatus;
import org.bianmin.store.SortableTime;
import org.bianmin.store.TableUse;
import org.bianmin.store.Tables;
import org.bianmin.store.UsesTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Incidents in the {@code incidents} table, one item each; creation conditional on a free id, updates on the version.
 * {@code createdAt} is written fixed-width ({@link SortableTime}) because it sorts the listings; an open incident
 * carries {@code openScope} = {@value #OPEN}, which puts it in the sparse {@code byOpen} index
 * ({@link DynamoIncidentListing}).
 */
public final class DynamoIncidentStore implements IncidentStore, UsesTables {

    /** The one partition of the {@code byOpen} index: incidents are few (each is many tickets), so one suffices. */
    static final String OPEN = "open";
    static final String CREATED = "createdAt";

    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoIncidentStore(DynamoDbClient dynamo, String tablePrefix) {
        this.dynamo = dynamo;
        this.tableName = Tables.INCIDENTS.tableName(tablePrefix);
    }

    @Override
    public boolean create(Incident incident) {
        try {
            dynamo.putItem(p -> p.tableName(tableName).item(toItem(incident))
                    .conditionExpression("attribute_not_exists(incidentId)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public Optional<Incident> find(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(tableName).consistentRead(true)
                .key(Map.of("incidentId", AttributeValue.fromS(id)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public boolean update(Incident incident, long expectedVersion) {
        try {
            dynamo.putItem(p -> p.tableName(tableName).item(toItem(incident))
                    .conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion)))));
            return true;
        } catch (ConditionalCheckFailedException someoneElse) {
            return false;
        }
    }

    static Map<String, AttributeValue> toItem(Incident incident) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("incidentId", s(incident.id()));
        item.put("status", s(incident.status().name()));
        item.put("department", s(incident.department()));
        item.put("dueAt", s(incident.dueAt().toString()));
        // a list, not a string set: an incident may briefly have no members, and the order (lead first) matters
        item.put("members", AttributeValue.fromL(incident.members().stream().map(AttributeValue::fromS).toList()));
        item.put(CREATED, s(SortableTime.format(incident.createdAt())));
        if (incident.status().isOpen()) {
            item.put("openScope", s(OPEN));
        }
        // what the incident still owes its tickets (Incident#pendingLinks): absent when settled
        if (!incident.pendingLinks().isEmpty()) {
            item.put("pendingLinks", AttributeValue.fromL(incident.pendingLinks().stream().map(AttributeValue::fromS).toList()));
        }
        if (!incident.pendingUnlinks().isEmpty()) {
            item.put("pendingUnlinks", AttributeValue.fromL(incident.pendingUnlinks().stream().map(AttributeValue::fromS).toList()));
        }
        item.put("createdBy", s(incident.createdBy()));
        item.put("version", AttributeValue.fromN(Long.toString(incident.version())));
        List<AttributeValue> events = new ArrayList<>();
        for (TicketEvent e : incident.events()) {
            Map<String, AttributeValue> event = new HashMap<>();
            event.put("at", s(e.at().toString()));
            event.put("actor", s(e.actor()));
            event.put("action", s(e.action()));
            if (e.from() != null) {
                event.put("from", s(e.from().name()));
            }
            event.put("to", s(e.to().name()));
            if (e.note() != null && !e.note().isEmpty()) {
                event.put("note", s(e.note()));
            }
            events.add(AttributeValue.fromM(event));
        }
        item.put("events", AttributeValue.fromL(events));
        return item;
    }

    static Incident fromItem(Map<String, AttributeValue> item) {
        List<TicketEvent> events = new ArrayList<>();
        for (AttributeValue value : item.get("events").l()) {
            Map<String, AttributeValue> e = value.m();
            events.add(new TicketEvent(Instant.parse(e.get("at").s()), e.get("actor").s(), e.get("action").s(),
                    e.containsKey("from") ? TicketStatus.valueOf(e.get("from").s()) : null,
                    TicketStatus.valueOf(e.get("to").s()), e.containsKey("note") ? e.get("note").s() : null));
        }
        return new Incident(item.get("incidentId").s(), TicketStatus.valueOf(item.get("status").s()),
                item.get("department").s(), Instant.parse(item.get("dueAt").s()),
                item.get("members").l().stream().map(AttributeValue::s).toList(), Instant.parse(item.get("createdAt").s()),
                item.get("createdBy").s(), Long.parseLong(item.get("version").n()), events,
                strings(item, "pendingLinks"), strings(item, "pendingUnlinks"));
    }

    private static List<String> strings(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    @Override
    public List<TableUse> tablesUsed() {
        return List.of(TableUse.of(Tables.INCIDENTS, "GetItem", "PutItem"));
    }
}
