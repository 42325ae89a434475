package org.bianmin.hotline.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.bianmin.hotline.model.RoutingSuggestion;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.WorkingCalendar;

/**
 * How well the router routes, judged by the dispatchers: for the tickets created in a range of days that the router
 * classified and a dispatcher has dispatched, how often its suggested domain, category and department were the
 * final ones. Grouped by the final domain (what the ticket really was: per-domain recall) and by the final
 * department, with how often each domain was suggested and right (precision). Tickets not dispatched yet have no
 * final routing and are only counted; imported historical tickets count only once dispatched here.
 */
public final class AssessingRoutingQuality {

    /** Counts of one group; accuracies are null when the group is empty. */
    public record Accuracy(int count, int domainCorrect, int categoryCorrect, int departmentCorrect,
                           Double domainAccuracy, Double categoryAccuracy, Double departmentAccuracy) {
    }

    /** One domain: how its tickets were suggested (recall side) and how its suggestions fared (precision side). */
    public record DomainQuality(String domain, Accuracy accuracy, int suggested, int suggestedCorrectly,
                                Double precision) {
    }

    /** One department of the final routing and how often the router named it. */
    public record DepartmentQuality(String department, Accuracy accuracy) {
    }

    /**
     * @param classified tickets in the range that the router classified
     * @param awaitingDispatch of those, how many no dispatcher has routed yet
     * @param corrected dispatched tickets whose final routing differs from the suggestion in any part
     */
    public record Report(LocalDate from, LocalDate to, int classified, int awaitingDispatch, int corrected,
                         Accuracy overall, List<DomainQuality> byDomain, List<DepartmentQuality> byDepartment,
                         Map<String, Accuracy> byModel) {
    }

    private final TicketStore tickets;

    public AssessingRoutingQuality(TicketStore tickets) {
        this.tickets = tickets;
    }

    public Report assess(LocalDate from, LocalDate to) {
        // an imported ticket was handled in the earlier system: it counts only once a dispatcher routes it here,
        // never as waiting for dispatch
        List<Ticket> classified = ticketsCreated(tickets, from, to).stream()
                .filter(t -> t.suggestion() != null && (t.origin() == null || t.dispatched())).toList();
        List<Ticket> decided = classified.stream().filter(Ticket::dispatched).toList();
        Map<String, List<Ticket>> byDomain = group(decided, Ticket::domain);
        Map<String, List<Ticket>> bySuggestedDomain = group(decided, t -> t.suggestion().domain());
        List<DomainQuality> domains = new ArrayList<>();
        TreeMap<String, Boolean> allDomains = new TreeMap<>();
        byDomain.keySet().forEach(d -> allDomains.put(d, true));
        bySuggestedDomain.keySet().forEach(d -> allDomains.put(d, true));
        for (String domain : allDomains.keySet()) {
            List<Ticket> suggested = bySuggestedDomain.getOrDefault(domain, List.of());
            int right = (int) suggested.stream().filter(t -> t.domain().equals(domain)).count();
            domains.add(new DomainQuality(domain, accuracy(byDomain.getOrDefault(domain, List.of())), suggested.size(),
                    right, suggested.isEmpty() ? null : rate(right, suggested.size())));
        }
        List<DepartmentQuality> departments = new ArrayList<>();
        group(decided, Ticket::department).forEach((department, group) ->
                departments.add(new DepartmentQuality(department, accuracy(group))));
        Map<String, Accuracy> byModel = new TreeMap<>();
        group(decided, t -> t.suggestion().modelVersion()).forEach((model, group) -> byModel.put(model, accuracy(group)));
        return new Report(from, to, classified.size(), classified.size() - decided.size(),
                (int) decided.stream().filter(Ticket::corrected).count(), accuracy(decided), domains, departments, byModel);
    }

    /**
     * The tickets created on the days {@code from} to {@code to} (inclusive, in the city's time zone). The store's
     * range is widened by a second on each side and the exact range applied here: stored times drop zero fractions,
     * so at the edge of a second their text does not sort exactly in time order.
     */
    static List<Ticket> ticketsCreated(TicketStore tickets, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        return tickets.createdBetween(start.minusSeconds(1), end.plusSeconds(1)).stream()
                .filter(t -> !t.createdAt().isBefore(start) && t.createdAt().isBefore(end)).toList();
    }

    private static Map<String, List<Ticket>> group(List<Ticket> tickets, Function<Ticket, String> key) {
        Map<String, List<Ticket>> groups = new TreeMap<>();
        tickets.forEach(t -> groups.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t));
        return groups;
    }

    private static Accuracy accuracy(List<Ticket> group) {
        int domain = 0;
        int category = 0;
        int department = 0;
        for (Ticket t : group) {
            RoutingSuggestion s = t.suggestion();
            domain += s.domain().equals(t.domain()) ? 1 : 0;
            category += s.categoryCode().equals(t.categoryCode()) ? 1 : 0;
            department += s.department().equals(t.department()) ? 1 : 0;
        }
        int n = group.size();
        return new Accuracy(n, domain, category, department, n == 0 ? null : rate(domain, n),
                n == 0 ? null : rate(category, n), n == 0 ? null : rate(department, n));
    }

    private static double rate(int part, int whole) {
        return Math.round(1000.0 * part / whole) / 1000.0;
    }
}
