package org.bianmin.hotline.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One problem reported by many (合并办理): the tickets a dispatcher linked as duplicates, handled as one, with one
 * owner department, one deadline and one status that every member follows through the handling (dispatch, accept,
 * start, resolve, reject, escalate). Each member keeps its own reporter and so its own return visit. The incident's
 * own audit trail records creation, links, unlinks and transitions; each member's trail records the same on the
 * ticket. Written with optimistic locking ({@code version}).
 */
public record Incident(String id, TicketStatus status, String department, Instant dueAt, List<String> members,
                       Instant createdAt, String createdBy, long version, List<TicketEvent> events) {

    /** The most tickets one incident holds: one item, and one handling fan-out, stay small. */
    public static final int MAX_MEMBERS = 100;

    public Incident {
        members = List.copyOf(members);
        events = List.copyOf(events);
    }

    /** This incident after a handling action: next status, maybe another department, one more audit event. */
    public Incident transitioned(TicketStatus next, String nextDepartment, TicketEvent event) {
        return new Incident(id, next, nextDepartment, dueAt, members, createdAt, createdBy, version + 1, append(event));
    }

    /**
     * This incident with more members; its deadline becomes the earliest of its own and theirs, so linking never
     * gives any reporter a later answer than their own ticket promised.
     */
    public Incident joined(List<String> added, Instant earliestDueAt, TicketEvent event) {
        List<String> all = new ArrayList<>(members);
        added.stream().filter(n -> !all.contains(n)).forEach(all::add);
        Instant due = earliestDueAt != null && earliestDueAt.isBefore(dueAt) ? earliestDueAt : dueAt;
        return new Incident(id, status, department, due, all, createdAt, createdBy, version + 1, append(event));
    }

    /** This incident without a member. */
    public Incident without(String trackingNumber, TicketEvent event) {
        List<String> rest = new ArrayList<>(members);
        rest.remove(trackingNumber);
        return new Incident(id, status, department, dueAt, rest, createdAt, createdBy, version + 1, append(event));
    }

    private List<TicketEvent> append(TicketEvent event) {
        List<TicketEvent> trail = new ArrayList<>(events);
        trail.add(event);
        return trail;
    }
}
