package org.bianmin.hotline.application;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketEvent;
import org.bianmin.hotline.model.TicketStatus;
import org.bianmin.hotline.model.WorkingCalendar;

/**
 * What one stored change of a ticket adds to the statistics counters, so that statistics are read from a few
 * counter items instead of the tickets table. Two kinds of counter, each kept for the city ({@link #CITY}) and for
 * the ticket's department:
 * <ul>
 *   <li>{@link #TOTAL}: the state of all tickets now (how many, by status, domain and department, finished, closed
 *   on time, rated, stars). A change adds the new ticket's contribution and takes away the old one's, so a ticket
 *   that moves to another department moves its whole contribution.</li>
 *   <li>one per day ({@code day#2026-11-30}, Asia/Shanghai): the flow of that day, from the audit events the change
 *   added: received (and per category), closed and closed on time, handling minutes of the closed, overdue
 *   (escalated), reopened, rated and stars. These are what the director's trend and per-department tables of
 *   issue 16 sum over a date range.</li>
 * </ul>
 * A delta is a pure function of the ticket before and after, so a repeat of the same write produces the same
 * delta and the store can refuse to apply it twice.
 */
public final class TicketCounts {

    /** The scope of the whole city (the dispatch centre's view); other scopes are department names. */
    public static final String CITY = "*";
    public static final String TOTAL = "total";
    public static final String DAY_PREFIX = "day#";

    /** One counter item: the scope (city or a department) and the period ({@link #TOTAL} or a day). */
    public record CounterKey(String scope, String period) {
    }

    private TicketCounts() {
    }

    public static String day(LocalDate date) {
        return DAY_PREFIX + date;
    }

    /** The deltas of storing {@code after} over {@code before} (null for a new ticket), without zero entries. */
    public static Map<CounterKey, Map<String, Long>> between(Ticket before, Ticket after) {
        Map<CounterKey, Map<String, Long>> deltas = new LinkedHashMap<>();
        if (before != null) {
            snapshot(before).forEach((name, value) -> {
                add(deltas, new CounterKey(CITY, TOTAL), name, -value);
                add(deltas, new CounterKey(before.department(), TOTAL), name, -value);
            });
        }
        snapshot(after).forEach((name, value) -> {
            add(deltas, new CounterKey(CITY, TOTAL), name, value);
            add(deltas, new CounterKey(after.department(), TOTAL), name, value);
        });
        List<TicketEvent> added = after.events().subList(before == null ? 0 : Math.min(before.events().size(),
                after.events().size()), after.events().size());
        for (TicketEvent event : added) {
            String day = day(event.at().atZone(WorkingCalendar.ZONE).toLocalDate());
            flow(after, event).forEach((name, value) -> {
                add(deltas, new CounterKey(CITY, day), name, value);
                add(deltas, new CounterKey(after.department(), day), name, value);
            });
        }
        if (before != null && !before.department().equals(after.department()) && !after.events().isEmpty()
                && after.events().get(0).from() == null) {
            // "received" follows the ticket to the department that handles it (the director's volume per
            // department); later flows stay with the department that held the ticket when they happened
            TicketEvent filed = after.events().get(0);
            String day = day(filed.at().atZone(WorkingCalendar.ZONE).toLocalDate());
            add(deltas, new CounterKey(before.department(), day), "received", -1);
            add(deltas, new CounterKey(before.department(), day), "category#" + before.categoryCode(), -1);
            add(deltas, new CounterKey(after.department(), day), "received", 1);
            add(deltas, new CounterKey(after.department(), day), "category#" + after.categoryCode(), 1);
            add(deltas, new CounterKey(CITY, day), "department#" + before.department(), -1);
            add(deltas, new CounterKey(CITY, day), "department#" + after.department(), 1);
        }
        boolean newlyRated = after.rating() != null && (before == null || before.rating() == null);
        if (newlyRated && !after.events().isEmpty()) {
            TicketEvent last = after.events().get(after.events().size() - 1);
            String day = day(last.at().atZone(WorkingCalendar.ZONE).toLocalDate());
            for (String scope : List.of(CITY, after.department())) {
                add(deltas, new CounterKey(scope, day), "rated", 1);
                add(deltas, new CounterKey(scope, day), "ratingSum", after.rating());
            }
        }
        deltas.values().forEach(counters -> counters.values().removeIf(v -> v == 0));
        deltas.values().removeIf(Map::isEmpty);
        return deltas;
    }

    /** A ticket's contribution to the {@link #TOTAL} counters. */
    static Map<String, Long> snapshot(Ticket ticket) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("tickets", 1L);
        counts.put("status#" + ticket.status().name(), 1L);
        counts.put("domain#" + ticket.domain(), 1L);
        counts.put("department#" + ticket.department(), 1L);
        if (!ticket.status().isOpen()) {
            counts.put("finished", 1L);
            boolean onTime = ticket.events().stream().filter(e -> e.to() == TicketStatus.RESOLVED).map(TicketEvent::at)
                    .findFirst().map(at -> !at.isAfter(ticket.dueAt())).orElse(false);
            counts.put("finishedOnTime", onTime ? 1L : 0L);
        }
        if (ticket.rating() != null) {
            counts.put("rated", 1L);
            counts.put("ratingSum", (long) ticket.rating());
        }
        return counts;
    }

    /** What one audit event adds to its day. */
    static Map<String, Long> flow(Ticket ticket, TicketEvent event) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (event.from() == null) {
            counts.put("received", 1L);
            counts.put("category#" + ticket.categoryCode(), 1L);
            counts.put("department#" + ticket.department(), 1L);
        }
        boolean wasOpen = event.from() == null || event.from().isOpen();
        if (wasOpen && !event.to().isOpen()) {
            counts.put("closed", 1L);
            counts.put("closedOnTime", event.at().isAfter(ticket.dueAt()) ? 0L : 1L);
            counts.put("handlingMinutes", Math.max(0, Duration.between(ticket.createdAt(), event.at()).toMinutes()));
        }
        if (event.to() == TicketStatus.ESCALATED && event.from() != TicketStatus.ESCALATED) {
            counts.put("overdue", 1L);
        }
        if (event.to() == TicketStatus.REOPENED && event.from() != TicketStatus.REOPENED) {
            counts.put("reopened", 1L);
        }
        return counts;
    }

    private static void add(Map<CounterKey, Map<String, Long>> deltas, CounterKey key, String name, long value) {
        deltas.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(name, value, Long::sum);
    }
}
