package org.bianmin.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as fixed-width UTC text ({@code 2026-11-30T08:00:00.000000000Z}), for attributes that conditions and
 * sort keys compare as strings. {@link Instant#toString()} drops zero fractions, and then {@code ...:00Z} sorts
 * after {@code ...:00.5Z}; a fixed width sorts in time order. {@link Instant#parse} reads both forms back.
 */
public final class SortableTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private SortableTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
