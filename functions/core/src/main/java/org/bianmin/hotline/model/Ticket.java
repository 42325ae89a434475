package org.bianmin.hotline.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A hotline request being handled: what was asked, where it was routed, its deadline, its status (with an
 * optimistic-locking version), its audit trail, the citizen's rating (回访) and, for a ticket imported from an
 * earlier system, where it came from. The verification code is kept only as a hash. {@code likelyDuplicates}: the
 * tracking numbers the intake's similarity check found (重复件, shown to the agent desk; empty when none or not
 * checked); {@code incidentId}: the incident a dispatcher linked it into, whose status it follows (null when none).
 */
public record Ticket(
        String trackingNumber,
        String verificationHash,
        TicketStatus status,
        long version,
        String channel,
        String text,
        ProtectedPhone phone,
        Location location,
        String domain,
        String categoryCode,
        String category,
        String department,
        GridAssignment grid,
        SlaClass sla,
        boolean manualTriage,
        Instant createdAt,
        Instant dueAt,
        String sessionId,
        Integer rating,
        List<TicketEvent> events,
        TicketOrigin origin,
        RoutingSuggestion suggestion,
        List<String> likelyDuplicates,
        String incidentId) {

    public Ticket {
        events = List.copyOf(events);
        likelyDuplicates = likelyDuplicates == null ? List.of() : List.copyOf(likelyDuplicates);
    }

    /** A ticket not (yet) checked for duplicates and in no incident. */
    public Ticket(String trackingNumber, String verificationHash, TicketStatus status, long version, String channel,
                  String text, ProtectedPhone phone, Location location, String domain, String categoryCode,
                  String category, String department, GridAssignment grid, SlaClass sla, boolean manualTriage,
                  Instant createdAt, Instant dueAt, String sessionId, Integer rating, List<TicketEvent> events,
                  TicketOrigin origin, RoutingSuggestion suggestion) {
        this(trackingNumber, verificationHash, status, version, channel, text, phone, location, domain, categoryCode,
                category, department, grid, sla, manualTriage, createdAt, dueAt, sessionId, rating, events, origin,
                suggestion, List.of(), null);
    }

    /** A ticket without a router's suggestion (its category was chosen, or it predates the suggestion). */
    public Ticket(String trackingNumber, String verificationHash, TicketStatus status, long version, String channel,
                  String text, ProtectedPhone phone, Location location, String domain, String categoryCode,
                  String category, String department, GridAssignment grid, SlaClass sla, boolean manualTriage,
                  Instant createdAt, Instant dueAt, String sessionId, Integer rating, List<TicketEvent> events,
                  TicketOrigin origin) {
        this(trackingNumber, verificationHash, status, version, channel, text, phone, location, domain, categoryCode,
                category, department, grid, sla, manualTriage, createdAt, dueAt, sessionId, rating, events, origin, null);
    }

    /** A ticket filed through the intake today (no imported origin). */
    public Ticket(String trackingNumber, String verificationHash, TicketStatus status, long version, String channel,
                  String text, ProtectedPhone phone, Location location, String domain, String categoryCode,
                  String category, String department, GridAssignment grid, SlaClass sla, boolean manualTriage,
                  Instant createdAt, Instant dueAt, String sessionId, Integer rating, List<TicketEvent> events) {
        this(trackingNumber, verificationHash, status, version, channel, text, phone, location, domain, categoryCode,
                category, department, grid, sla, manualTriage, createdAt, dueAt, sessionId, rating, events, null, null);
    }

    /** The identifier of the source system the ticket was imported from, or null for a ticket filed here. */
    public String externalId() {
        return origin == null ? null : origin.externalId();
    }

    /** This ticket after a transition: next status, maybe a new department, one more audit event, next version. */
    public Ticket transitioned(TicketStatus next, String nextDepartment, TicketEvent event) {
        List<TicketEvent> trail = new ArrayList<>(events);
        trail.add(event);
        return new Ticket(trackingNumber, verificationHash, next, version + 1, channel, text, phone, location, domain,
                categoryCode, category, nextDepartment, grid, sla, manualTriage, createdAt, dueAt, sessionId, rating, trail, origin,
                suggestion, likelyDuplicates, incidentId);
    }

    /**
     * This ticket after a dispatch that also changed its category (and so its domain): the final routing a
     * dispatcher chose. The deadline stays: the citizen's clock started when the request was received.
     */
    public Ticket recategorized(String nextDomain, String nextCategoryCode, String nextCategory, TicketStatus next,
                                String nextDepartment, TicketEvent event) {
        Ticket moved = transitioned(next, nextDepartment, event);
        return new Ticket(trackingNumber, verificationHash, moved.status(), moved.version(), channel, text, phone,
                location, nextDomain, nextCategoryCode, nextCategory, nextDepartment, grid, sla, manualTriage, createdAt,
                dueAt, sessionId, rating, moved.events(), origin, suggestion, likelyDuplicates, incidentId);
    }

    /** Whether a dispatcher has decided where this ticket goes (its routing is final, as far as it goes). */
    public boolean dispatched() {
        return events.stream().anyMatch(e -> TicketAction.DISPATCH.name().equals(e.action()));
    }

    /** Whether a dispatcher routed this ticket elsewhere than the router suggested: a label for training. */
    public boolean corrected() {
        return suggestion != null && dispatched() && suggestion.differsFrom(domain, categoryCode, department);
    }

    /** This ticket with the citizen's 1-5 satisfaction rating recorded by a transition. */
    public Ticket rated(int stars, TicketStatus next, TicketEvent event) {
        Ticket moved = transitioned(next, department, event);
        return new Ticket(trackingNumber, verificationHash, moved.status(), moved.version(), channel, text, phone,
                location, domain, categoryCode, category, department, grid, sla, manualTriage, createdAt, dueAt,
                sessionId, stars, moved.events(), origin, suggestion, likelyDuplicates, incidentId);
    }

    /** This ticket with the likely duplicates the intake's similarity check found (their tracking numbers, best first). */
    public Ticket withLikelyDuplicates(List<String> found) {
        return new Ticket(trackingNumber, verificationHash, status, version, channel, text, phone, location, domain,
                categoryCode, category, department, grid, sla, manualTriage, createdAt, dueAt, sessionId, rating, events,
                origin, suggestion, found, incidentId);
    }

    /**
     * This ticket linked into an incident: it takes the incident's status, owner department and deadline, and the
     * link is one more audit event.
     */
    public Ticket linked(String incident, TicketStatus incidentStatus, String incidentDepartment, Instant incidentDueAt,
                         TicketEvent event) {
        List<TicketEvent> trail = new ArrayList<>(events);
        trail.add(event);
        return new Ticket(trackingNumber, verificationHash, incidentStatus, version + 1, channel, text, phone, location,
                domain, categoryCode, category, incidentDepartment, grid, sla, manualTriage, createdAt, incidentDueAt,
                sessionId, rating, trail, origin, suggestion, likelyDuplicates, incident);
    }

    /** This ticket taken out of its incident: it keeps the status, department and deadline it had there. */
    public Ticket unlinked(TicketEvent event) {
        List<TicketEvent> trail = new ArrayList<>(events);
        trail.add(event);
        return new Ticket(trackingNumber, verificationHash, status, version + 1, channel, text, phone, location, domain,
                categoryCode, category, department, grid, sla, manualTriage, createdAt, dueAt, sessionId, rating, trail,
                origin, suggestion, likelyDuplicates, null);
    }
}
