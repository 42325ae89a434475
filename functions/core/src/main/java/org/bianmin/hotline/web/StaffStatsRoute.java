package org.bianmin.hotline.web;

import java.time.Clock;
import java.util.Set;
import org.bianmin.http.Access;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.hotline.application.ComputingStatistics;
import org.bianmin.hotline.application.TicketStatistics;

/**
 * {@code GET /v1/staff/stats?from=&to=&department=}: the statistics of a date range ({@link ComputingStatistics}),
 * read from the aggregates kept per ticket write. Any staff member may call it; the dispatch centre (role
 * {@code dispatch}, which its director holds) reads the city or any department, a department only its own (another
 * department is a 403).
 */
public final class StaffStatsRoute implements HttpRoute {

    private final ComputingStatistics statistics;
    private final Clock clock;

    public StaffStatsRoute(TicketStatistics aggregates, Clock clock) {
        this.statistics = new ComputingStatistics(aggregates);
        this.clock = clock;
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
        return Set.of(200, 400, 403);
    }

    @Override
    public Set<String> queryParameters() {
        return Set.of("from", "to", "department");
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        return HttpResponse.json(200, StatisticsRequest.parse(request, clock)
                .computeFor(statistics, StaffAuthentication.require(request)));
    }
}
