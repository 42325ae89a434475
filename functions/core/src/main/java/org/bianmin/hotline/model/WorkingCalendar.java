package org.bianmin.hotline.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Working days in Asia/Shanghai: Monday to Friday, minus public holidays, plus the weekend days worked in
 * exchange (调休), from {@code hotline/holidays.json}, which is updated from the State Council's notice each year.
 */
public final class WorkingCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String RESOURCE = "hotline/holidays.json";

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingWeekends;

    public WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> workingWeekends) {
        this.holidays = Set.copyOf(holidays);
        this.workingWeekends = Set.copyOf(workingWeekends);
    }

    public static WorkingCalendar loadDefault() {
        try (InputStream in = WorkingCalendar.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            return new WorkingCalendar(dates(root.required("holidays")), dates(root.required("workingWeekends")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static Set<LocalDate> dates(JsonNode array) {
        Set<LocalDate> dates = new HashSet<>();
        array.forEach(d -> dates.add(LocalDate.parse(d.stringValue())));
        return dates;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (holidays.contains(date)) {
            return false;
        }
        if (workingWeekends.contains(date)) {
            return true;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The {@code n}-th working day after {@code date} (n >= 1). */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        LocalDate day = date;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
