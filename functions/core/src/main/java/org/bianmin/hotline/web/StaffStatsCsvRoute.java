package org.bianmin.hotline.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bianmin.http.Access;
import org.bianmin.http.ApiException;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.hotline.application.ComputingStatistics;
import org.bianmin.hotline.application.TicketStatistics;

/**
 * {@code GET /v1/staff/stats.csv?from=&to=&department=&table=}: the statistics of {@link StaffStatsRoute} as a CSV
 * download for Excel ({@link StatisticsCsv}): {@code table} is {@code departments} (the default), {@code daily} or
 * {@code categories}. The same access as the JSON: the dispatch centre the city or any department, a department its own.
 */
public final class StaffStatsCsvRoute implements HttpRoute {

    static final String CSV = "text/csv; charset=utf-8";
    private final ComputingStatistics statistics;
    private final Clock clock;

    public StaffStatsCsvRoute(TicketStatistics aggregates, Clock clock) {
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
        return "/v1/staff/stats.csv";
    }

    @Override
    public Set<Integer> statuses() {
        return Set.of(200, 400, 403);
    }

    @Override
    public Set<String> queryParameters() {
        return Set.of("from", "to", "department", "table");
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        StatisticsRequest query = StatisticsRequest.parse(request, clock);
        String wanted = request.queryParameter("table").orElse(StatisticsCsv.Table.DEPARTMENTS.queryValue);
        StatisticsCsv.Table table = Arrays.stream(StatisticsCsv.Table.values()).filter(t -> t.queryValue.equals(wanted))
                .findFirst().orElseThrow(() -> ApiException.badRequest("INVALID_TABLE", "table 须为 "
                        + Arrays.stream(StatisticsCsv.Table.values()).map(t -> t.queryValue).collect(Collectors.joining("、")) + " 之一。"));
        ComputingStatistics.Statistics stats = query.computeFor(statistics, StaffAuthentication.require(request));
        // an ASCII file name (the department is in the file, not in its name), so every browser keeps it as sent
        String fileName = "bianmin-statistics-" + table.queryValue + "-" + query.from() + "_" + query.to() + ".csv";
        return new HttpResponse(200, Map.of("content-type", CSV,
                "content-disposition", "attachment; filename=\"" + fileName + "\"",
                "cache-control", "no-store"), StatisticsCsv.write(stats, table));
    }
}
