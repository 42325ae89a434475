package org.bianmin.store;

import java.util.List;

/** Every table Bianmin uses. Add a table here and the local runtime, the tests and the template checks follow. */
public final class Tables {

    /** Inquiry conversations: the last topic of a session, so follow-ups are answered in context. Expire by TTL. */
    public static final TableDefinition CONVERSATIONS =
            new TableDefinition("conversations", "sessionId", null, "expiresAt", List.of());

    /**
     * Hotline tickets, one item per request. Indexes serve the access patterns: a department's queue by status,
     * the dispatch centre's queue by status, open tickets by deadline (sparse: only open tickets carry
     * {@code openDeadline}), a caller's tickets by keyed phone hash, and imported tickets by their identifier in
     * the earlier system (sparse: only imported tickets carry {@code externalId}), a category's tickets by time
     * (the candidates of the duplicate check), and the desk's 重复件 view by time (sparse: only an open ticket the
     * intake found likely duplicates of, not yet handled as one, carries {@code suspectedDuplicate}).
     */
    public static final TableDefinition TICKETS = new TableDefinition("tickets", "trackingNumber", null, null, List.of(
            new TableDefinition.SecondaryIndex("byDepartmentStatus", "departmentStatus", "createdAt"),
            new TableDefinition.SecondaryIndex("byStatus", "status", "createdAt"),
            new TableDefinition.SecondaryIndex("byDeadline", "openDeadline", "dueAt"),
            new TableDefinition.SecondaryIndex("byPhone", "phoneHash", "createdAt"),
            new TableDefinition.SecondaryIndex("byExternalId", "externalId", null),
            new TableDefinition.SecondaryIndex("byCategory", "categoryCode", "createdAt"),
            new TableDefinition.SecondaryIndex("bySuspectedDuplicate", "suspectedDuplicate", "createdAt")));

    /**
     * Statistics aggregates of the tickets ({@code hotline.application.TicketCounts}): one item per department and
     * day ({@code scope = month#2026-11}, {@code period = <department>#2026-11-30}), updated with one {@code ADD} per
     * counted ticket change, so a date range is one Query per month, never a scan of tickets.
     */
    public static final TableDefinition TICKET_STATISTICS =
            new TableDefinition("ticket-statistics", "scope", "period", null, List.of());

    /**
     * Hot-spot clusters ({@code hotline.hotspots}): summaries, members, lookup keys (place runs, grid, coordinate cell,
     * by month), each ticket's cluster and each month's active clusters, under one partition key {@code pk} and sort
     * key {@code sk}, so that clustering a ticket and listing hot spots read keys and partitions, never the tickets.
     */
    public static final TableDefinition HOTSPOTS = new TableDefinition("hotspots", "pk", "sk", null, List.of());

    /**
     * Incidents (合并办理): one item per incident, listing its member tickets; each member carries the incident's id, so
     * no index is needed between them. The listings read two indexes, newest first: {@code byOpen} (sparse: only an
     * open incident carries {@code openScope}), the dispatch centre's open incidents, and {@code byDepartment}, the
     * incidents a department owns.
     */
    public static final TableDefinition INCIDENTS = new TableDefinition("incidents", "incidentId", null, null, List.of(
            new TableDefinition.SecondaryIndex("byOpen", "openScope", "createdAt"),
            new TableDefinition.SecondaryIndex("byDepartment", "department", "createdAt")));

    /** Idempotency records: a key's request fingerprint and stored response, expired by TTL after a day. */
    public static final TableDefinition IDEMPOTENCY =
            new TableDefinition("idempotency", "idempotencyKey", null, "expiresAt", List.of());

    /** 秒批 decision records, one per application id: the auditable evidence of every decision. */
    public static final TableDefinition APPROVALS =
            new TableDefinition("approvals", "applicationId", null, null, List.of());

    /** Batch re-verification runs: counters updated as chunks finish. */
    public static final TableDefinition REVERIFICATION_BATCHES =
            new TableDefinition("reverification-batches", "batchId", null, null, List.of());

    /** The device registry: where each sensor and camera is and who owns it. */
    public static final TableDefinition DEVICES = new TableDefinition("devices", "deviceId", null, null, List.of());

    /**
     * The current alarm of each device and alarm type ({@code alarmKey} = deviceId#type): repeats update it in place,
     * which makes deduplication a conditional write. {@code byStatus} lists alarms by status and last sighting.
     */
    public static final TableDefinition ALARMS = new TableDefinition("alarms", "alarmKey", null, null, List.of(
            new TableDefinition.SecondaryIndex("byStatus", "status", "lastSeen")));

    /** Device payloads that could not be processed, with the reason; expired after 30 days. */
    public static final TableDefinition DEVICE_DEAD_LETTERS =
            new TableDefinition("device-dead-letters", "letterId", null, "expiresAt", List.of());

    /**
     * What citizens said about the chatbot's answers (有用 / 没用) and the questions it could not answer (HANDOFF
     * NO_MATCH): one partition per day ({@code day} = 2026-11-30), so the knowledge editors' gap list is one Query per
     * day of its range, never a scan. A repeated vote of one session on one question overwrites its item. Expired by
     * TTL after 180 days.
     */
    public static final TableDefinition ANSWER_FEEDBACK =
            new TableDefinition("answer-feedback", "day", "signalKey", "expiresAt", List.of());

    public static final List<TableDefinition> ALL = List.of(CONVERSATIONS, TICKETS, TICKET_STATISTICS, HOTSPOTS, IDEMPOTENCY, APPROVALS,
            REVERIFICATION_BATCHES, DEVICES, ALARMS, DEVICE_DEAD_LETTERS, ANSWER_FEEDBACK, INCIDENTS);

    private Tables() {
    }
}
