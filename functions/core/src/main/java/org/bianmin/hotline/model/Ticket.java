package org.bianmin.hotline.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A hotline request being handled: what was asked, where it was routed, its deadline, its status (with an
 * optimistic-locking version), its audit trail, the citizen's rating (回访) and, for a ticket imported from an
 * earlier system, where it came from. The verification code is kept only as a hash.
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
        TicketOrigin origin) {

    public Ticket {
        events = List.copyOf(events);
    }

    /** A ticket filed through the intake today (no imported origin). */
    public Ticket(String trackingNumber, String verificationHash, TicketStatus status, long version, String channel,
                  String text, ProtectedPhone phone, Location location, String domain, String categoryCode,
                  String category, String department, GridAssignment grid, SlaClass sla, boolean manualTriage,
                  Instant createdAt, Instant dueAt, String sessionId, Integer rating, List<TicketEvent> events) {
        this(trackingNumber, verificationHash, status, version, channel, text, phone, location, domain, categoryCode,
                category, department, grid, sla, manualTriage, createdAt, dueAt, sessionId, rating, events, null);
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
                categoryCode, category, nextDepartment, grid, sla, manualTriage, createdAt, dueAt, sessionId, rating, trail, origin);
    }

    /** This ticket with the citizen's 1-5 satisfaction rating recorded by a transition. */
    public Ticket rated(int stars, TicketStatus next, TicketEvent event) {
        Ticket moved = transitioned(next, department, event);
        return new Ticket(trackingNumber, verificationHash, moved.status(), moved.version(), channel, text, phone,
                location, domain, categoryCode, category, department, grid, sla, manualTriage, createdAt, dueAt,
                sessionId, stars, moved.events(), origin);
    }
}
