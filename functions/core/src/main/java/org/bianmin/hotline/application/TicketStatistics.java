package org.bianmin.hotline.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bianmin.hotline.model.Ticket;

/** The statistics aggregates ({@link TicketCounts}): kept up to date per ticket write, read by the statistics. */
public interface TicketStatistics {

    /**
     * Adds what storing {@code after} over {@code before} (null for a new ticket) changes. Applying the same change
     * again (a retry, a re-delivery) adds nothing; see the adapter.
     */
    void record(Ticket before, Ticket after);

    /** One department's counters on one day. */
    record DepartmentDay(String department, LocalDate date, Map<String, Long> counters) {
    }

    /**
     * The aggregates from {@code from} to {@code to} inclusive: of one department, or of every department when
     * {@code department} is null. Days without activity are absent.
     */
    List<DepartmentDay> days(String department, LocalDate from, LocalDate to);
}
