package org.bianmin.hotline.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.bianmin.hotline.model.WorkingCalendar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the working calendar from {@code hotline/holidays.json}: public holidays and the weekends worked instead. */
public final class HolidayFile {

    public static final String RESOURCE = "hotline/holidays.json";

    private HolidayFile() {
    }

    /** The calendar the project ships. */
    public static WorkingCalendar loadDefault() {
        try (InputStream in = HolidayFile.class.getClassLoader().getResourceAsStream(RESOURCE)) {
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
}
