package org.bianmin.hotline.web;

import java.time.Clock;
import java.time.LocalDate;
import org.bianmin.http.ApiException;
import org.bianmin.http.HttpRequest;
import org.bianmin.hotline.application.ComputingStatistics;
import org.bianmin.hotline.model.StaffMember;

/**
 * The query of the statistics routes: {@code from}/{@code to} (dates, Asia/Shanghai, inclusive; default the last
 * {@value #DEFAULT_DAYS} days up to today; at most {@value ComputingStatistics#MAX_DAYS} days) and {@code department}
 * (optional; see {@link ComputingStatistics#scopeFor} for who may name one).
 */
record StatisticsRequest(LocalDate from, LocalDate to, String department) {

    static final int DEFAULT_DAYS = 30;

    static StatisticsRequest parse(HttpRequest request, Clock clock) {
        DayRange days = DayRange.parse(request, clock, DEFAULT_DAYS, ComputingStatistics.MAX_DAYS);
        String department = request.queryParameter("department").map(String::strip).filter(d -> !d.isEmpty()).orElse(null);
        if (department != null && department.length() > 100) {
            throw ApiException.badRequest("INVALID_DEPARTMENT", "部门名称过长。");
        }
        return new StatisticsRequest(days.from(), days.to(), department);
    }

    /** The statistics asked for, as {@code actor} may read them (a department another's: a 403). */
    ComputingStatistics.Statistics computeFor(ComputingStatistics statistics, StaffMember actor) {
        try {
            return statistics.compute(actor, department, from, to);
        } catch (ComputingStatistics.ScopeRefusedException e) {
            throw new ApiException(403, "FORBIDDEN", "只能查看本部门的统计；全市及其他部门的统计由分拨中心查看。");
        }
    }
}
