package org.bianmin.hotline.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.bianmin.http.ApiException;
import org.bianmin.http.HttpRequest;
import org.bianmin.hotline.application.ComputingStatistics;
import org.bianmin.hotline.model.WorkingCalendar;

/**
 * The query of the statistics routes: {@code from}/{@code to} (dates, Asia/Shanghai, inclusive; default the last
 * {@value #DEFAULT_DAYS} days up to today; at most {@value ComputingStatistics#MAX_DAYS} days) and {@code department}
 * (optional; see {@link ComputingStatistics#scopeFor} for who may name one).
 */
record StatisticsRequest(LocalDate from, LocalDate to, String department) {

    static final int DEFAULT_DAYS = 30;

    static StatisticsRequest parse(HttpRequest request, Clock clock) {
        LocalDate to = date(request.queryParameter("to")).orElse(LocalDate.now(clock.withZone(WorkingCalendar.ZONE)));
        LocalDate from = date(request.queryParameter("from")).orElse(to.minusDays(DEFAULT_DAYS - 1));
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= ComputingStatistics.MAX_DAYS) {
            throw rangeProblem();
        }
        String department = request.queryParameter("department").map(String::strip).filter(d -> !d.isEmpty()).orElse(null);
        if (department != null && department.length() > 100) {
            throw ApiException.badRequest("INVALID_DEPARTMENT", "部门名称过长。");
        }
        return new StatisticsRequest(from, to, department);
    }

    static ApiException scopeRefused() {
        return new ApiException(403, "FORBIDDEN", "只能查看本部门的统计；全市及其他部门的统计由分拨中心查看。");
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
