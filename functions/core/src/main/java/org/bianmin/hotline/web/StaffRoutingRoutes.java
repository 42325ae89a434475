package org.bianmin.hotline.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bianmin.hotline.application.AssessingRoutingQuality;
import org.bianmin.hotline.application.ExportingCorrections;
import org.bianmin.hotline.application.TicketStore;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.http.Access;
import org.bianmin.http.ApiException;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.HttpRouteGroup;
import org.bianmin.http.Json;

/**
 * The dispatch centre's view of the router, both for tickets created on the days {@code from} to {@code to}
 * (ISO dates, inclusive, in the city's time zone; default the last 30 days; at most {@value #MAX_DAYS} days):
 * <ul>
 *   <li>{@code GET /v1/staff/routing/quality}: accuracy of the router's suggestions against the dispatchers' final
 *       routing ({@link AssessingRoutingQuality});</li>
 *   <li>{@code GET /v1/staff/routing/export}: the corrected tickets as {@code train-router} JSON Lines, redacted
 *       ({@link ExportingCorrections}).</li>
 * </ul>
 * Only the dispatch centre (role {@value Access#DISPATCH_ROLE}): it makes the corrections, and the export holds
 * citizens' words from every department. A date that does not parse, a range that ends before it starts or a
 * range that is too long is a 400.
 */
public final class StaffRoutingRoutes implements HttpRouteGroup {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;
    static final String JSON_LINES = "application/x-ndjson; charset=utf-8";

    private final AssessingRoutingQuality quality;
    private final ExportingCorrections corrections;
    private final Clock clock;

    public StaffRoutingRoutes(TicketStore tickets, Clock clock) {
        this.quality = new AssessingRoutingQuality(tickets);
        this.corrections = new ExportingCorrections(tickets);
        this.clock = clock;
    }

    @Override
    public List<HttpRoute> routes() {
        Access dispatchCentre = Access.staffWithRole(Access.DISPATCH_ROLE);
        return List.of(
                HttpRoute.of("GET", "/v1/staff/routing/quality", dispatchCentre, request -> {
                    Range range = range(request);
                    return HttpResponse.json(200, quality.assess(range.from(), range.to()));
                }).answering(200, 400).reading("from", "to"),
                HttpRoute.of("GET", "/v1/staff/routing/export", dispatchCentre, request -> {
                    Range range = range(request);
                    String lines = corrections.export(range.from(), range.to()).stream()
                            .map(row -> Json.write(row) + "\n").collect(Collectors.joining());
                    return new HttpResponse(200, Map.of("content-type", JSON_LINES, "content-disposition",
                            "attachment; filename=\"routing-corrections-" + range.from() + "-" + range.to() + ".jsonl\""),
                            lines);
                }).answering(200, 400).reading("from", "to"));
    }

    private record Range(LocalDate from, LocalDate to) {
    }

    private Range range(HttpRequest request) {
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
        LocalDate to = date(request, "to").orElse(today);
        LocalDate from = date(request, "from").orElse(to.minusDays(DEFAULT_DAYS - 1));
        if (from.isAfter(to)) {
            throw ApiException.badRequest("INVALID_RANGE", "开始日期不能晚于结束日期。");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw ApiException.badRequest("INVALID_RANGE", "查询范围不能超过" + MAX_DAYS + "天。");
        }
        return new Range(from, to);
    }

    private static java.util.Optional<LocalDate> date(HttpRequest request, String name) {
        java.util.Optional<String> value = request.queryParameter(name).filter(v -> !v.isBlank());
        try {
            return value.map(v -> LocalDate.parse(v.strip()));
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_DATE", name + " 应为日期，格式如 2026-11-30。");
        }
    }
}
