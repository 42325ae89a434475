package org.bianmin.hotline.web;

import java.util.Set;
import org.bianmin.http.Access;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.hotline.application.ComputingStatistics;
import org.bianmin.hotline.application.TicketStore;

/** {@code GET /v1/staff/stats}: the signed-in staff member's statistics ({@link ComputingStatistics}). */
public final class StaffStatsRoute implements HttpRoute {

    private final ComputingStatistics statistics;

    public StaffStatsRoute(TicketStore tickets) {
        this.statistics = new ComputingStatistics(tickets);
    }

    @Override
    public Access access() {
        return Access.staff();
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
    public Set<Integer> statuses() {
        return Set.of(200, 403);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        return HttpResponse.json(200, statistics.compute(StaffAuthentication.require(request)));
    }
}
