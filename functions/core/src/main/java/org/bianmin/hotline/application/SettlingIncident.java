package org.bianmin.hotline.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bianmin.hotline.model.Incident;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an incident's member tickets into agreement with it: every pending link and unlink the incident recorded
 * ({@link Incident#pendingLinks()}, {@link Incident#pendingUnlinks()}) is written to its ticket, members keep no
 * deadline later than the incident's, and the incident then forgets what was done. Each step is idempotent (a ticket
 * already pointing at the incident is left as it is, one pointing elsewhere is taken out of the incident instead),
 * so it can run any number of times: right after the change that recorded the debt, and again by whoever next reads
 * or acts on the incident if that change was interrupted.
 */
public final class SettlingIncident {

    private static final Logger log = LoggerFactory.getLogger(SettlingIncident.class);

    private final TicketStore tickets;
    private final IncidentStore incidents;
    private final Clock clock;

    public SettlingIncident(TicketStore tickets, IncidentStore incidents, Clock clock) {
        this.tickets = tickets;
        this.incidents = incidents;
        this.clock = clock;
    }

    /**
     * Completes what an interrupted change left pending, in the name of whoever made that change (the incident's last
     * event); an incident with nothing pending is returned as it is, without a write.
     */
    public Incident repair(Incident incident) {
        if (!incident.unsettled()) {
            return incident;
        }
        TicketEvent last = incident.events().get(incident.events().size() - 1);
        log.warn("incident unsettled, completing its pending changes incident={} links={} unlinks={}", incident.id(),
                incident.pendingLinks().size(), incident.pendingUnlinks().size());
        return settle(incident, last.actor(), "补全中断的操作", clock.instant());
    }

    /** Writes the pending changes of {@code incident} to its tickets, then clears them on the incident. */
    public Incident settle(Incident incident, String actor, String note, Instant now) {
        if (!incident.unsettled()) {
            return incident;
        }
        List<String> linked = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String number : incident.pendingLinks()) {
            if (link(incident, number, actor, note, now)) {
                linked.add(number);
            } else {
                refused.add(number);
            }
        }
        List<String> unlinked = new ArrayList<>();
        for (String number : incident.pendingUnlinks()) {
            tickets.modify(number, ticket -> incident.id().equals(ticket.incidentId())
                    ? ticket.unlinked(new TicketEvent(now, actor, "UNLINK", ticket.status(), ticket.status(),
                            join("移出事件 " + incident.id(), note)))
                    : ticket);
            unlinked.add(number);
        }
        if (!linked.isEmpty()) {
            // a link may have brought the incident's deadline forward: every member answers by it
            for (String member : incident.members()) {
                if (!linked.contains(member)) {
                    tickets.modify(member, ticket -> incident.id().equals(ticket.incidentId())
                            && ticket.dueAt().isAfter(incident.dueAt())
                            ? ticket.linked(incident.id(), ticket.status(), ticket.department(), incident.dueAt(),
                                    new TicketEvent(now, actor, "DEADLINE", ticket.status(), ticket.status(),
                                            "事件 " + incident.id() + " 办理时限提前"))
                            : ticket);
                }
            }
        }
        return incidents.modify(incident.id(), current -> {
            Incident after = current;
            for (String number : refused) {
                if (after.members().contains(number)) {
                    log.warn("incident member not linked, taken out again incident={} trackingNumber={}", incident.id(), number);
                    after = after.without(number, new TicketEvent(now, actor, "UNLINK", null, after.status(),
                            "移出 " + number + "（工单已变化，未能并入）"));
                }
            }
            List<String> done = new ArrayList<>(linked);
            done.addAll(refused);
            List<String> undone = new ArrayList<>(unlinked);
            undone.addAll(refused);
            return after.settled(done, undone);
        }).orElse(incident);
    }

    /**
     * Points one ticket at the incident (its status, department and deadline); true when it does now, false when it
     * cannot (gone, or linked into another incident meanwhile).
     */
    private boolean link(Incident incident, String number, String actor, String note, Instant now) {
        Optional<TicketStore.Modification> done;
        try {
            done = tickets.modify(number, ticket -> {
                if (incident.id().equals(ticket.incidentId())) {
                    return ticket; // linked already: by the interrupted change itself, or by an earlier repair
                }
                if (ticket.incidentId() != null) {
                    throw new IncidentRefusedException(IncidentRefusedException.Reason.CONFLICT, "ALREADY_LINKED", "linked meanwhile");
                }
                return ticket.linked(incident.id(), incident.status(), incident.department(), incident.dueAt(),
                        new TicketEvent(now, actor, "LINK", ticket.status(), incident.status(),
                                join("并入事件 " + incident.id() + "，由 " + incident.department() + " 统一办理", note)));
            });
        } catch (IncidentRefusedException | ConcurrentTicketUpdateException e) {
            return false;
        }
        return done.isPresent();
    }

    static String join(String what, String note) {
        return note == null || note.isBlank() ? what : what + "；" + note.strip();
    }
}
