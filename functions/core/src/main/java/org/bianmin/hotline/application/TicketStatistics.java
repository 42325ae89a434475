package org.bianmin.hotline.application;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import org.bianmin.hotline.model.Ticket;

/** The statistics counters ({@link TicketCounts}): kept up to date by the ticket store, read by the statistics. */
public interface TicketStatistics {

    /** Adds what storing {@code after} over {@code before} (null for a new ticket) changes; see the adapter for retries. */
    void record(Ticket before, Ticket after);

    /** The {@link TicketCounts#TOTAL} counters of a scope (the city or a department); empty when nothing was counted. */
    Map<String, Long> totals(String scope);

    /** The daily counters of a scope from {@code from} to {@code to} inclusive, by day; days without activity are absent. */
    SortedMap<LocalDate, Map<String, Long>> days(String scope, LocalDate from, LocalDate to);
}
