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
 *
 * <p>The incident and its member tickets are separate items, written one after the other (dynalite, the engine of
 * the local runtime and the tests, has no transactions). So the incident records what it still owes its tickets
 * before it writes them: {@code pendingLinks} (tracking numbers to point at this incident) and {@code pendingUnlinks}
 * (tracking numbers to point away from it). Whoever reads or acts on the incident next completes what is pending
 * (hotline.application.SettlingIncident), so a crash between the writes leaves a debt that is paid, never a
 * disagreement that stays.
 */
public record Incident(String id, TicketStatus status, String department, Instant dueAt, List<String> members,
                       Instant createdAt, String createdBy, long version, List<TicketEvent> events,
                       List<String> pendingLinks, List<String> pendingUnlinks) {

    /** The most tickets one incident holds: one item, and one handling fan-out, stay small. */
    public static final int MAX_MEMBERS = 100;

    public Incident {
        members = List.copyOf(members);
        events = List.copyOf(events);
        pendingLinks = pendingLinks == null ? List.of() : List.copyOf(pendingLinks);
        pendingUnlinks = pendingUnlinks == null ? List.of() : List.copyOf(pendingUnlinks);
    }

    /** A new incident whose members are all still to be linked. */
    public static Incident started(String id, TicketStatus status, String department, Instant dueAt, List<String> members,
                                   Instant createdAt, String createdBy, TicketEvent event) {
        return new Incident(id, status, department, dueAt, members, createdAt, createdBy, 1, List.of(event), members, List.of());
    }

    /** Whether member tickets still have to be written to agree with this incident. */
    public boolean unsettled() {
        return !pendingLinks.isEmpty() || !pendingUnlinks.isEmpty();
    }

    /** This incident with the given pending changes done (the tickets were written). */
    public Incident settled(List<String> linked, List<String> unlinked) {
        List<String> links = new ArrayList<>(pendingLinks);
        links.removeAll(linked);
        List<String> unlinks = new ArrayList<>(pendingUnlinks);
        unlinks.removeAll(unlinked);
        return new Incident(id, status, department, dueAt, members, createdAt, createdBy, version + 1, events, links, unlinks);
    }

    /** This incident after a handling action: next status, maybe another department, one more audit event. */
    public Incident transitioned(TicketStatus next, String nextDepartment, TicketEvent event) {
        return new Incident(id, next, nextDepartment, dueAt, members, createdAt, createdBy, version + 1, append(event),
                pendingLinks, pendingUnlinks);
    }

    /**
     * This incident with more members; its deadline becomes the earliest of its own and theirs, so linking never
     * gives any reporter a later answer than their own ticket promised. The added tickets are pending until linked.
     */
    public Incident joined(List<String> added, Instant earliestDueAt, TicketEvent event) {
        List<String> all = new ArrayList<>(members);
        added.stream().filter(n -> !all.contains(n)).forEach(all::add);
        Instant due = earliestDueAt != null && earliestDueAt.isBefore(dueAt) ? earliestDueAt : dueAt;
        List<String> links = new ArrayList<>(pendingLinks);
        added.stream().filter(n -> !links.contains(n)).forEach(links::add);
        List<String> unlinks = new ArrayList<>(pendingUnlinks);
        unlinks.removeAll(added);
        return new Incident(id, status, department, due, all, createdAt, createdBy, version + 1, append(event), links, unlinks);
    }

    /** This incident without a member, whose ticket is pending until it no longer points here. */
    public Incident without(String trackingNumber, TicketEvent event) {
        List<String> rest = new ArrayList<>(members);
        rest.remove(trackingNumber);
        List<String> links = new ArrayList<>(pendingLinks);
        links.remove(trackingNumber);
        List<String> unlinks = new ArrayList<>(pendingUnlinks);
        if (!unlinks.contains(trackingNumber)) {
            unlinks.add(trackingNumber);
        }
        return new Incident(id, status, department, dueAt, rest, createdAt, createdBy, version + 1, append(event), links, unlinks);
    }

    private List<TicketEvent> append(TicketEvent event) {
        List<TicketEvent> trail = new ArrayList<>(events);
        trail.add(event);
        return trail;
    }
}
