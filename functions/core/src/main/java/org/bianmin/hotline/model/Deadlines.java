package org.bianmin.hotline.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * When a ticket is due, from its SLA class and the working calendar (Asia/Shanghai):
 * URGENT 24 hours from receipt (danger does not wait for Monday); NORMAL the close of business of the 5th
 * working day after the day of receipt; CONSULT the close of business of the next working day.
 */
public final class Deadlines {

    public static final LocalTime CLOSE_OF_BUSINESS = LocalTime.of(17, 30);
    static final Duration URGENT = Duration.ofHours(24);
    static final int NORMAL_WORKING_DAYS = 5;
    static final int CONSULT_WORKING_DAYS = 1;

    private final WorkingCalendar calendar;

    public Deadlines(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    public Instant dueAt(SlaClass sla, Instant receivedAt) {
        if (sla == SlaClass.URGENT) {
            return receivedAt.plus(URGENT);
        }
        LocalDate received = receivedAt.atZone(WorkingCalendar.ZONE).toLocalDate();
        int days = sla == SlaClass.NORMAL ? NORMAL_WORKING_DAYS : CONSULT_WORKING_DAYS;
        return calendar.plusWorkingDays(received, days).atTime(CLOSE_OF_BUSINESS).atZone(WorkingCalendar.ZONE).toInstant();
    }
}
