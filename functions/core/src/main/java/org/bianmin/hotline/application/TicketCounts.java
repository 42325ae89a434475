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
 * What one stored change of a ticket adds to the statistics aggregates, so that statistics are read from a few
 * aggregate items instead of the tickets table. There is one aggregate per department and day (Asia/Shanghai): the
 * flow of that day, from the audit events the change added: {@value #RECEIVED} (and per category), {@value #CLOSED}
 * and {@value #CLOSED_ON_TIME}, the {@value #HANDLING_MINUTES} of the closed, {@value #OVERDUE} (escalated),
 * {@value #REOPENED}, {@value #RATED} and {@value #RATING_SUM}. The city is the sum of its departments.
 *
 * <p>A normal change touches one aggregate (its department, today). A ticket that moves to another department also
 * moves its {@value #RECEIVED} (a director wants volume by the department that handled it), which touches the
 * filing day of both departments, and a corrected category moves its category count the same way; closing,
 * escalation and reopening stay with the department that held the ticket.
 * A delta is a pure function of the ticket before and after, so a repeat of the same write produces the same delta
 * and the store can refuse to apply it twice.
 */
public final class TicketCounts {

    public static final String RECEIVED = "received";
    public static final String CLOSED = "closed";
    public static final String CLOSED_ON_TIME = "closedOnTime";
    public static final String HANDLING_MINUTES = "handlingMinutes";
    public static final String OVERDUE = "overdue";
    public static final String REOPENED = "reopened";
    public static final String RATED = "rated";
    public static final String RATING_SUM = "ratingSum";
    /** Received per category: {@code category#CODE#name}, so the top categories need no taxonomy lookup. */
    public static final String CATEGORY_PREFIX = "category#";

    /** One aggregate item: a department's day. */
    public record CounterKey(String department, LocalDate day) {
    }

    private TicketCounts() {
    }

    /** The deltas of storing {@code after} over {@code before} (null for a new ticket), without zero entries. */
    public static Map<CounterKey, Map<String, Long>> between(Ticket before, Ticket after) {
        Map<CounterKey, Map<String, Long>> deltas = new LinkedHashMap<>();
        List<TicketEvent> added = after.events().subList(before == null ? 0 : Math.min(before.events().size(),
                after.events().size()), after.events().size());
        for (TicketEvent event : added) {
            CounterKey key = new CounterKey(after.department(), day(event));
            flow(after, event).forEach((name, value) -> add(deltas, key, name, value));
        }
        boolean moved = before != null && (!before.department().equals(after.department())
                || !java.util.Objects.equals(before.categoryCode(), after.categoryCode()));
        if (moved && !after.events().isEmpty() && after.events().get(0).from() == null) {
            TicketEvent filed = after.events().get(0);
            CounterKey from = new CounterKey(before.department(), day(filed));
            CounterKey to = new CounterKey(after.department(), day(filed));
            // within one department the received cancels out and only the category moves (a corrected category)
            add(deltas, from, RECEIVED, -1);
            add(deltas, from, category(before), -1);
            add(deltas, to, RECEIVED, 1);
            add(deltas, to, category(after), 1);
        }
        boolean newlyRated = after.rating() != null && (before == null || before.rating() == null);
        if (newlyRated && !after.events().isEmpty()) {
            CounterKey key = new CounterKey(after.department(), day(after.events().get(after.events().size() - 1)));
            add(deltas, key, RATED, 1);
            add(deltas, key, RATING_SUM, after.rating());
        }
        deltas.values().forEach(counters -> counters.values().removeIf(v -> v == 0));
        deltas.values().removeIf(Map::isEmpty);
        return deltas;
    }

    /** What one audit event adds to its day. */
    static Map<String, Long> flow(Ticket ticket, TicketEvent event) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (event.from() == null) {
            counts.put(RECEIVED, 1L);
            counts.put(category(ticket), 1L);
        }
        boolean wasOpen = event.from() == null || event.from().isOpen();
        if (wasOpen && !event.to().isOpen()) {
            counts.put(CLOSED, 1L);
            counts.put(CLOSED_ON_TIME, event.at().isAfter(ticket.dueAt()) ? 0L : 1L);
            counts.put(HANDLING_MINUTES, Math.max(0, Duration.between(ticket.createdAt(), event.at()).toMinutes()));
        }
        if (event.to() == TicketStatus.ESCALATED && event.from() != TicketStatus.ESCALATED) {
            counts.put(OVERDUE, 1L);
        }
        if (event.to() == TicketStatus.REOPENED && event.from() != TicketStatus.REOPENED) {
            counts.put(REOPENED, 1L);
        }
        return counts;
    }

    private static String category(Ticket ticket) {
        return CATEGORY_PREFIX + ticket.categoryCode() + "#" + ticket.category();
    }

    private static LocalDate day(TicketEvent event) {
        return event.at().atZone(WorkingCalendar.ZONE).toLocalDate();
    }

    private static void add(Map<CounterKey, Map<String, Long>> deltas, CounterKey key, String name, long value) {
        deltas.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(name, value, Long::sum);
    }
}
