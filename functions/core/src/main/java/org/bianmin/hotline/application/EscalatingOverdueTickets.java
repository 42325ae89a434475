package org.bianmin.hotline.application;

import org.bianmin.observability.Metrics;
import org.bianmin.observability.MetricNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketAction;
import org.bianmin.hotline.model.TicketEvent;
import org.bianmin.hotline.model.TicketStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled SLA run (督办 and 自动归档): escalates tickets a department holds past their deadline, counts the
 * overdue ones still waiting at dispatch, and closes resolved tickets the citizen has not rated within the
 * return-visit period. Every change goes through {@link TransitioningTicket}, so rules, locking and the audit
 * trail are the same as for people.
 */
public final class EscalatingOverdueTickets {

    public static final StaffMember SCHEDULER = new StaffMember("sla-scheduler", null, true);
    static final int BATCH = 200;
    private static final Set<TicketStatus> AT_DEPARTMENT =
            EnumSet.of(TicketStatus.DISPATCHED, TicketStatus.ACCEPTED, TicketStatus.IN_PROGRESS);
    private static final Logger log = LoggerFactory.getLogger(EscalatingOverdueTickets.class);

    private final TicketStore tickets;
    private final TransitioningTicket transitions;
    private final Clock clock;
    private final Duration returnVisitPeriod;
    private final Metrics metrics;

    public EscalatingOverdueTickets(TicketStore tickets, TransitioningTicket transitions, Clock clock,
                                    Duration returnVisitPeriod) {
        this(tickets, transitions, clock, returnVisitPeriod, Metrics.none());
    }

    /** Reporting the overdue count of every run ({@link MetricNames#TICKETS_OVERDUE}). */
    public EscalatingOverdueTickets(TicketStore tickets, TransitioningTicket transitions, Clock clock,
                                    Duration returnVisitPeriod, Metrics metrics) {
        this.metrics = metrics;
        this.tickets = tickets;
        this.transitions = transitions;
        this.clock = clock;
        this.returnVisitPeriod = returnVisitPeriod;
    }

    public Map<String, Integer> run() {
        Instant now = clock.instant();
        int escalated = 0;
        int waitingAtDispatch = 0;
        java.util.List<Ticket> overdue = tickets.overdue(now, BATCH);
        metrics.gauge(MetricNames.TICKETS_OVERDUE, overdue.size(), Map.of());
        for (Ticket ticket : overdue) {
            if (AT_DEPARTMENT.contains(ticket.status())) {
                try {
                    transitions.transition(ticket.trackingNumber(), TicketAction.ESCALATE,
                            "超过办理时限，系统自动督办", null, SCHEDULER);
                    escalated++;
                } catch (TransitionRefusedException e) {
                    // someone acted on it since the query: their action stands
                }
            } else {
                waitingAtDispatch++;
            }
        }
        int autoClosed = 0;
        for (Ticket ticket : tickets.list(null, List.of(TicketStatus.RESOLVED), BATCH, null).items()) {
            Instant resolvedAt = ticket.events().stream().filter(e -> e.to() == TicketStatus.RESOLVED && !e.keepsStatus())
                    .map(TicketEvent::at).reduce((a, b) -> b).orElse(ticket.createdAt());
            if (resolvedAt.plus(returnVisitPeriod).isBefore(now)) {
                try {
                    transitions.transition(ticket.trackingNumber(), TicketAction.CLOSE,
                            "回访期满未评价，系统自动归档", null, SCHEDULER);
                    autoClosed++;
                } catch (TransitionRefusedException e) {
                    // rated or reopened meanwhile
                }
            }
        }
        Map<String, Integer> summary = new LinkedHashMap<>();
        summary.put("escalated", escalated);
        summary.put("overdueAtDispatch", waitingAtDispatch);
        summary.put("autoClosed", autoClosed);
        log.info("sla run escalated={} overdueAtDispatch={} autoClosed={}", escalated, waitingAtDispatch, autoClosed);
        return summary;
    }
}
