package org.bianmin.hotline.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bianmin.hotline.model.StaffMember;

/**
 * The numbers of the agents' statistics view, read from the counters ({@link TicketCounts}) rather than from the
 * tickets: counts by status, department and domain, the on-time closure rate (resolved no later than the deadline,
 * among finished tickets), the average satisfaction, and the daily flow over a date range. A department sees its
 * own tickets, the dispatch centre everyone's. Cost: one GetItem plus one Query over the days of the range.
 */
public final class ComputingStatistics {

    /** The longest date range one request may ask for. */
    public static final int MAX_DAYS = 366;

    /** The statistics; rates are null when nothing was finished or rated yet. */
    public record Statistics(int total, Map<String, Integer> byStatus, Map<String, Integer> byDepartment,
                             Map<String, Integer> byDomain, Double onTimeClosureRate, Double averageSatisfaction,
                             int ratedCount, LocalDate from, LocalDate to, List<Day> daily) {
    }

    /** One day's flow: received, closed (and on time), overdue (escalated), reopened, ratings, handling time. */
    public record Day(LocalDate date, long received, long closed, long closedOnTime, long overdue, long reopened,
                      long rated, Double averageSatisfaction, Double averageHandlingHours) {
    }

    private final TicketStatistics counters;

    public ComputingStatistics(TicketStatistics counters) {
        this.counters = counters;
    }

    public Statistics compute(StaffMember actor, LocalDate from, LocalDate to) {
        String scope = actor.dispatchCentre() ? TicketCounts.CITY : actor.department();
        Map<String, Long> totals = counters.totals(scope);
        long finished = totals.getOrDefault("finished", 0L);
        long rated = totals.getOrDefault("rated", 0L);
        List<Day> daily = new ArrayList<>();
        counters.days(scope, from, to).forEach((date, c) -> {
            long closed = c.getOrDefault("closed", 0L);
            long dayRated = c.getOrDefault("rated", 0L);
            daily.add(new Day(date, c.getOrDefault("received", 0L), closed, c.getOrDefault("closedOnTime", 0L),
                    c.getOrDefault("overdue", 0L), c.getOrDefault("reopened", 0L), dayRated,
                    dayRated == 0 ? null : round(c.getOrDefault("ratingSum", 0L) / (double) dayRated, 100),
                    closed == 0 ? null : round(c.getOrDefault("handlingMinutes", 0L) / 60.0 / closed, 10)));
        });
        return new Statistics((int) (long) totals.getOrDefault("tickets", 0L), group(totals, "status#"),
                group(totals, "department#"), group(totals, "domain#"),
                finished == 0 ? null : round(totals.getOrDefault("finishedOnTime", 0L) / (double) finished, 1000),
                rated == 0 ? null : round(totals.getOrDefault("ratingSum", 0L) / (double) rated, 100), (int) rated,
                from, to, daily);
    }

    /** The counters named {@code prefix + key}, by key, leaving out the zeros a ticket that moved on leaves behind. */
    private static Map<String, Integer> group(Map<String, Long> totals, String prefix) {
        Map<String, Integer> group = new TreeMap<>();
        totals.forEach((name, value) -> {
            if (name.startsWith(prefix) && value != 0) {
                group.put(name.substring(prefix.length()), (int) (long) value);
            }
        });
        return group;
    }

    private static double round(double value, int scale) {
        return Math.round(value * scale) / (double) scale;
    }
}
