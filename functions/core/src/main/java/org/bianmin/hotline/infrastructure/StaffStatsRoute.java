package org.bianmin.hotline.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.hotline.application.TicketStore;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketEvent;
import org.bianmin.hotline.model.TicketStatus;

/**
 * {@code GET /v1/staff/stats}: counts by status and by department, the on-time closure rate (resolved no later
 * than the deadline, among resolved and closed tickets) and the average satisfaction. A department sees its own
 * numbers, the dispatch centre everyone's.
 */
public final class StaffStatsRoute implements HttpRoute {

    private final TicketStore tickets;

    public StaffStatsRoute(TicketStore tickets) {
        this.tickets = tickets;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String pathTemplate() {
        return "/v1/staff/stats";
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        StaffMember actor = StaffAuthentication.require(request);
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
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("total", visible.size());
        stats.put("byStatus", byStatus);
        stats.put("byDepartment", byDepartment);
        stats.put("byDomain", byDomain);
        stats.put("onTimeClosureRate", finished == 0 ? null : Math.round(1000.0 * onTime / finished) / 1000.0);
        stats.put("averageSatisfaction", rated == 0 ? null : Math.round(100.0 * stars / rated) / 100.0);
        stats.put("ratedCount", rated);
        return HttpResponse.json(200, stats);
    }
}
