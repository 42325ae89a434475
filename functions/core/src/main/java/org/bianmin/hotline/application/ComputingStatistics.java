package org.bianmin.hotline.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bianmin.hotline.model.StaffMember;

/**
 * The numbers a centre director reads for a date range, summed from the aggregates per department and day
 * ({@link TicketCounts}) rather than from the tickets: the daily trend of received, closed and overdue; per
 * department the volume, on-time closure rate, average handling time, satisfaction and reopen rate; the top
 * categories. Every rate comes with its counts (numerator and denominator), and is null when the denominator is 0.
 *
 * <p>Who reads what: the dispatch centre (its staff and its director, role {@code dispatch}) the whole city or any one
 * department; a department's staff only their own department ({@link #scopeFor}). Cost: one Query per calendar month
 * of the range (per department, or over all departments for the city).
 */
public final class ComputingStatistics {

    /** The longest date range one request may ask for. */
    public static final int MAX_DAYS = 366;
    /** How many categories the top list holds. */
    public static final int TOP_CATEGORIES = 10;

    /** The statistics of a range: {@code department} null for the whole city. */
    public record Statistics(LocalDate from, LocalDate to, String department, Figures summary, List<Day> daily,
                             List<Figures> byDepartment, List<CategoryCount> topCategories) {
    }

    /** One day of the trend (every day of the range, zeros included, so a chart's axis has no gaps). */
    public record Day(LocalDate date, long received, long closed, long closedOnTime, long overdue, long reopened) {
    }

    /**
     * The figures of a department (or, as the summary, of the scope): counts, and the rates built from them.
     * {@code onTimeClosureRate = closedOnTime / closed}, {@code averageHandlingHours} over the {@code closed},
     * {@code averageSatisfaction = ratingSum / rated} (1-5), {@code reopenRate = reopened / closed}.
     */
    public record Figures(String name, long received, long closed, long closedOnTime, Double onTimeClosureRate,
                          Double averageHandlingHours, long rated, Double averageSatisfaction, long reopened,
                          Double reopenRate, long overdue) {
    }

    /** A category's received count in the range. */
    public record CategoryCount(String code, String name, long received) {
    }

    /** A department staff member asked for another department than their own. */
    public static final class ScopeRefusedException extends RuntimeException {
        public ScopeRefusedException() {
            super("statistics of another department");
        }
    }

    private final TicketStatistics aggregates;

    public ComputingStatistics(TicketStatistics aggregates) {
        this.aggregates = aggregates;
    }

    /**
     * The department whose statistics {@code actor} gets when asking for {@code requested} (null: not said): null
     * stands for the whole city, which only the dispatch centre may read.
     */
    public static String scopeFor(StaffMember actor, String requested) {
        if (actor.dispatchCentre()) {
            return requested;
        }
        if (requested != null && !requested.equals(actor.department())) {
            throw new ScopeRefusedException();
        }
        return actor.department();
    }

    public Statistics compute(StaffMember actor, String requestedDepartment, LocalDate from, LocalDate to) {
        String department = scopeFor(actor, requestedDepartment);
        Map<LocalDate, Map<String, Long>> byDay = new TreeMap<>();
        Map<String, Map<String, Long>> byDepartment = new TreeMap<>();
        Map<String, Long> all = new HashMap<>();
        for (TicketStatistics.DepartmentDay day : aggregates.days(department, from, to)) {
            day.counters().forEach((name, value) -> {
                byDay.computeIfAbsent(day.date(), d -> new HashMap<>()).merge(name, value, Long::sum);
                byDepartment.computeIfAbsent(day.department(), d -> new HashMap<>()).merge(name, value, Long::sum);
                all.merge(name, value, Long::sum);
            });
        }
        List<Day> daily = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            Map<String, Long> c = byDay.getOrDefault(date, Map.of());
            daily.add(new Day(date, get(c, TicketCounts.RECEIVED), get(c, TicketCounts.CLOSED),
                    get(c, TicketCounts.CLOSED_ON_TIME), get(c, TicketCounts.OVERDUE), get(c, TicketCounts.REOPENED)));
        }
        List<Figures> departments = new ArrayList<>();
        byDepartment.forEach((name, counters) -> {
            Figures figures = figures(name, counters);
            // a department whose only entry is a received that moved away has nothing to show
            if (figures.received() != 0 || figures.closed() != 0 || figures.rated() != 0 || figures.overdue() != 0
                    || figures.reopened() != 0) {
                departments.add(figures);
            }
        });
        departments.sort(Comparator.comparingLong(Figures::received).reversed().thenComparing(Figures::name));
        return new Statistics(from, to, department, figures(department == null ? "全市" : department, all), daily,
                departments, topCategories(all));
    }

    private static Figures figures(String name, Map<String, Long> c) {
        long closed = get(c, TicketCounts.CLOSED);
        long closedOnTime = get(c, TicketCounts.CLOSED_ON_TIME);
        long rated = get(c, TicketCounts.RATED);
        long reopened = get(c, TicketCounts.REOPENED);
        return new Figures(name, get(c, TicketCounts.RECEIVED), closed, closedOnTime, ratio(closedOnTime, closed, 1000),
                closed == 0 ? null : round(get(c, TicketCounts.HANDLING_MINUTES) / 60.0 / closed, 10), rated,
                ratio(get(c, TicketCounts.RATING_SUM), rated, 100), reopened, ratio(reopened, closed, 1000),
                get(c, TicketCounts.OVERDUE));
    }

    private static List<CategoryCount> topCategories(Map<String, Long> all) {
        Map<String, CategoryCount> categories = new LinkedHashMap<>();
        all.forEach((name, value) -> {
            if (name.startsWith(TicketCounts.CATEGORY_PREFIX) && value > 0) {
                String rest = name.substring(TicketCounts.CATEGORY_PREFIX.length());
                int split = rest.indexOf('#');
                String code = split < 0 ? rest : rest.substring(0, split);
                String label = split < 0 ? rest : rest.substring(split + 1);
                categories.merge(code, new CategoryCount(code, label, value),
                        (a, b) -> new CategoryCount(code, a.name(), a.received() + b.received()));
            }
        });
        return categories.values().stream()
                .sorted(Comparator.comparingLong(CategoryCount::received).reversed().thenComparing(CategoryCount::code))
                .limit(TOP_CATEGORIES).toList();
    }

    private static long get(Map<String, Long> counters, String name) {
        return counters.getOrDefault(name, 0L);
    }

    private static Double ratio(long part, long whole, int scale) {
        return whole == 0 ? null : round(part / (double) whole, scale);
    }

    private static double round(double value, int scale) {
        return Math.round(value * scale) / (double) scale;
    }
}
