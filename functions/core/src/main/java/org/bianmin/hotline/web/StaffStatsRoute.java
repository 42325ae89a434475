package org.bianmin.hotline.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.bianmin.http.Access;
import org.bianmin.http.ApiException;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.hotline.application.ComputingStatistics;
import org.bianmin.hotline.application.TicketStatistics;
import org.bianmin.hotline.model.WorkingCalendar;

/**
 * {@code GET /v1/staff/stats?from=&to=}: the signed-in staff member's statistics ({@link ComputingStatistics}), read
 * from the counters kept per ticket write. {@code from}/{@code to} (dates, Asia/Shanghai, inclusive) bound the daily
 * series; the default is the last {@value #DEFAULT_DAYS} days up to today, the longest range
 * {@value ComputingStatistics#MAX_DAYS} days.
 */
public final class StaffStatsRoute implements HttpRoute {

    static final int DEFAULT_DAYS = 30;
    private final ComputingStatistics statistics;
    private final Clock clock;

    public StaffStatsRoute(TicketStatistics counters, Clock clock) {
        this.statistics = new ComputingStatistics(counters);
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
        return Set.of("from", "to");
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        LocalDate to = date(request.queryParameter("to")).orElse(LocalDate.now(clock.withZone(WorkingCalendar.ZONE)));
        LocalDate from = date(request.queryParameter("from")).orElse(to.minusDays(DEFAULT_DAYS - 1));
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= ComputingStatistics.MAX_DAYS) {
            throw rangeProblem();
        }
        return HttpResponse.json(200, statistics.compute(StaffAuthentication.require(request), from, to));
    }

    private static Optional<LocalDate> date(Optional<String> raw) {
        try {
            return raw.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw rangeProblem();
        }
    }

    private static ApiException rangeProblem() {
        return ApiException.badRequest("INVALID_DATE_RANGE", "from/to 须为日期（如 2026-11-01），from 不晚于 to，且跨度不超过"
                + ComputingStatistics.MAX_DAYS + "天。");
    }
}
