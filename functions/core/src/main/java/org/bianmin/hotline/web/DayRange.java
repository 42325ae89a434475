package org.bianmin.hotline.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.http.ApiException;
import org.bianmin.http.HttpRequest;

/**
 * The {@code from}/{@code to} of a staff report's query (statistics, hot spots): whole days in Asia/Shanghai, both
 * inclusive, by default the last few days up to today, never longer than the report allows. Anything else is one
 * 400 {@code INVALID_DATE_RANGE} that says the rule.
 */
record DayRange(LocalDate from, LocalDate to) {

    static DayRange parse(HttpRequest request, Clock clock, int defaultDays, int maxDays) {
        LocalDate to = date(request.queryParameter("to"), maxDays).orElse(LocalDate.now(clock.withZone(WorkingCalendar.ZONE)));
        LocalDate from = date(request.queryParameter("from"), maxDays).orElse(to.minusDays(defaultDays - 1));
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= maxDays) {
            throw problem(maxDays);
        }
        return new DayRange(from, to);
    }

    /** The first instant of {@code from}. */
    Instant start() {
        return from.atStartOfDay(WorkingCalendar.ZONE).toInstant();
    }

    /** The last instant of {@code to}. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant().minusNanos(1);
    }

    private static Optional<LocalDate> date(Optional<String> raw, int maxDays) {
        try {
            return raw.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw problem(maxDays);
        }
    }

    private static ApiException problem(int maxDays) {
        return ApiException.badRequest("INVALID_DATE_RANGE", "from/to 须为日期（如 2026-11-01），from 不晚于 to，且跨度不超过"
                + maxDays + "天。");
    }
}
