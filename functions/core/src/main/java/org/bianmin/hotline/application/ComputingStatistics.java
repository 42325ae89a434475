package org.bianmin.hotline.application;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketEvent;
import org.bianmin.hotline.model.TicketStatus;

/**
 * The numbers of the agents' statistics view: counts by status, department and domain, the on-time closure rate
 * (resolved no later than the deadline, among finished tickets) and the average satisfaction. A department sees its
 * own tickets, the dispatch centre everyone's.
 */
public final class ComputingStatistics {

    /** The statistics; rates are null when nothing was finished or rated yet. */
    public record Statistics(int total, Map<String, Integer> byStatus, Map<String, Integer> byDepartment,
                             Map<String, Integer> byDomain, Double onTimeClosureRate, Double averageSatisfaction,
                             int ratedCount) {
    }

    private final TicketStore tickets;

    public ComputingStatistics(TicketStore tickets) {
        this.tickets = tickets;
    }

    public Statistics compute(StaffMember actor) {
        List<Ticket> visible = tickets.all().stream().filter(actor::mayAccess).toList();
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byDepartment = new TreeMap<>();
        Map<String, Integer> byDomain = new TreeMap<>();
        int finished = 0;
        int onTime = 0;
        int rated = 0;
        int stars = 0;
        for (Ticket ticket : visible) {
            byStatus.merge(ticket.status().name(), 1, Integer::sum);
            byDepartment.merge(ticket.department(), 1, Integer::sum);
            byDomain.merge(ticket.domain(), 1, Integer::sum);
            if (!ticket.status().isOpen()) {
                finished++;
                boolean resolvedInTime = ticket.events().stream().filter(e -> e.to() == TicketStatus.RESOLVED)
                        .map(TicketEvent::at).findFirst().map(at -> !at.isAfter(ticket.dueAt())).orElse(false);
                onTime += resolvedInTime ? 1 : 0;
            }
            if (ticket.rating() != null) {
                rated++;
                stars += ticket.rating();
            }
        }
        return new Statistics(visible.size(), byStatus, byDepartment, byDomain,
                finished == 0 ? null : Math.round(1000.0 * onTime / finished) / 1000.0,
                rated == 0 ? null : Math.round(100.0 * stars / rated) / 100.0, rated);
    }
}
