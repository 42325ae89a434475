package org.bianmin.hotline.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.bianmin.hotline.application.ComputingStatistics;

/**
 * The statistics as CSV for Excel (RFC 4180, CRLF line ends): UTF-8 with a byte order mark, without which Excel reads
 * the Chinese text as a local code page. One table per file ({@link Table}). Rates are written as percentages with
 * one decimal ("85.7%", which Excel reads as a number) and left empty when their denominator is 0; the counts they
 * come from are columns of their own. A text cell that starts like a formula is prefixed with an apostrophe, so a
 * department or category name can never run as a formula in the director's spreadsheet.
 */
final class StatisticsCsv {

    static final String BOM = "\uFEFF";

    /** The tables the export offers, by the {@code table} query value. */
    enum Table {
        DEPARTMENTS("departments", List.of("部门", "受理量", "办结量", "按时办结量", "按时办结率", "平均办理时长（小时）",
                "评价数", "平均满意度（1-5分）", "重开数", "重开率", "超期数")),
        DAILY("daily", List.of("日期", "受理量", "办结量", "按时办结量", "超期数", "重开数")),
        CATEGORIES("categories", List.of("排名", "类别编码", "类别", "受理量"));

        final String queryValue;
        final List<String> header;

        Table(String queryValue, List<String> header) {
            this.queryValue = queryValue;
            this.header = header;
        }
    }

    private StatisticsCsv() {
    }

    static String write(ComputingStatistics.Statistics stats, Table table) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(table.header);
        switch (table) {
            case DEPARTMENTS -> {
                stats.byDepartment().forEach(d -> rows.add(figures(d)));
                List<String> total = figures(stats.summary());
                total.set(0, "合计（" + stats.summary().name() + "）");
                rows.add(total);
            }
            case DAILY -> stats.daily().forEach(d -> rows.add(List.of(d.date().toString(), n(d.received()), n(d.closed()),
                    n(d.closedOnTime()), n(d.overdue()), n(d.reopened()))));
            case CATEGORIES -> {
                int rank = 1;
                for (ComputingStatistics.CategoryCount c : stats.topCategories()) {
                    rows.add(List.of(n(rank++), c.code(), c.name(), n(c.received())));
                }
            }
        }
        StringBuilder csv = new StringBuilder(BOM);
        for (List<String> row : rows) {
            csv.append(String.join(",", row.stream().map(StatisticsCsv::cell).toList())).append("\r\n");
        }
        return csv.toString();
    }

    private static List<String> figures(ComputingStatistics.Figures f) {
        Function<Double, String> percent = rate -> rate == null ? "" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
        return new ArrayList<>(List.of(f.name(), n(f.received()), n(f.closed()), n(f.closedOnTime()),
                percent.apply(f.onTimeClosureRate()), f.averageHandlingHours() == null ? "" : f.averageHandlingHours().toString(),
                n(f.rated()), f.averageSatisfaction() == null ? "" : f.averageSatisfaction().toString(), n(f.reopened()),
                percent.apply(f.reopenRate()), n(f.overdue())));
    }

    private static String n(long value) {
        return Long.toString(value);
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+%?")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
