package org.bianmin.hotline.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.bianmin.hotline.application.IncidentRefusedException.Reason;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.hotline.model.Incident;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketEvent;
import org.bianmin.hotline.model.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links duplicate tickets into one incident (合并办理), adds tickets to it and takes them out again. Every request is
 * checked in full before anything is written (unknown tickets, tickets already in an incident, finished tickets,
 * unknown departments are refused with nothing changed). The incident is written first, recording the tickets it
 * still has to write ({@link Incident#pendingLinks()}, {@link Incident#pendingUnlinks()}), then each ticket, then the
 * incident forgets what was done ({@link SettlingIncident}); a member that changed in between (linked elsewhere
 * meanwhile) is taken out of the incident again. If that sequence is interrupted (the function crashed or timed out),
 * the next read or action on the incident completes it, so incident and members always come to agree.
 */
public final class LinkingDuplicates {

    private static final Logger log = LoggerFactory.getLogger(LinkingDuplicates.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(WorkingCalendar.ZONE);
    private static final Pattern TRACKING_NUMBER = Pattern.compile("BM\\d{12}");
    private static final Pattern INCIDENT_ID = Pattern.compile("INC\\d{12}");
    /** The audit actor of a citizen who followed an existing request instead of filing a separate one. */
    public static final String CITIZEN = "citizen";

    private final TicketStore tickets;
    private final IncidentStore incidents;
    private final Clock clock;
    private final Set<String> departments;
    private final SettlingIncident settling;
    private final SecureRandom random = new SecureRandom();

    public LinkingDuplicates(TicketStore tickets, IncidentStore incidents, Taxonomy taxonomy, Clock clock) {
        this.tickets = tickets;
        this.incidents = incidents;
        this.clock = clock;
        this.settling = new SettlingIncident(tickets, incidents, clock);
        Set<String> known = new TreeSet<>(taxonomy.departments());
        known.add(FilingRequest.TRIAGE_DEPARTMENT);
        this.departments = Set.copyOf(known);
    }

    /**
     * A new incident of two or more open tickets not yet in one. The first ticket leads: the incident starts in its
     * status and, unless {@code department} names another, with its department; its deadline is the earliest of the
     * members'.
     */
    public Incident create(List<String> trackingNumbers, String department, String note, String actor) {
        List<String> numbers = wellFormed(trackingNumbers, 2);
        List<Ticket> members = linkable(numbers);
        String owner = department == null || department.isBlank() ? members.get(0).department() : department.strip();
        if (!departments.contains(owner)) {
            throw new IncidentRefusedException(Reason.INVALID, "UNKNOWN_DEPARTMENT", "没有这个部门：" + owner + "。");
        }
        Instant now = clock.instant();
        Instant due = members.stream().map(Ticket::dueAt).min(Comparator.naturalOrder()).orElseThrow();
        Incident incident = null;
        for (int attempt = 0; attempt < 5 && incident == null; attempt++) {
            String id = "INC" + DAY.format(now) + String.format("%06d", random.nextInt(1_000_000));
            Incident candidate = Incident.started(id, members.get(0).status(), owner, due, numbers, now, actor,
                    new TicketEvent(now, actor, "CREATE", null, members.get(0).status(),
                            join("合并 " + numbers.size() + " 件重复诉求", note)));
            if (incidents.create(candidate)) {
                incident = candidate;
            }
        }
        if (incident == null) {
            throw new IllegalStateException("could not draw a free incident id in 5 attempts");
        }
        log.info("incident created incident={} members={} department={} actor={}", incident.id(), numbers.size(), owner, actor);
        return settling.settle(incident, actor, note, now);
    }

    /** Adds open tickets not yet in an incident to this one; they take its status, department and deadline. */
    public Incident link(String incidentId, List<String> trackingNumbers, String note, String actor) {
        List<String> numbers = wellFormed(trackingNumbers, 1);
        Incident current = find(incidentId);
        List<Ticket> members = linkable(numbers);
        if (current.members().size() + numbers.size() > Incident.MAX_MEMBERS) {
            throw new IncidentRefusedException(Reason.CONFLICT, "INCIDENT_FULL", "一个事件最多合并" + Incident.MAX_MEMBERS + "件诉求。");
        }
        Instant now = clock.instant();
        Instant earliest = members.stream().map(Ticket::dueAt).min(Comparator.naturalOrder()).orElseThrow();
        // a newcomer with an earlier deadline (an urgent report) brings the incident's, and so every member's, forward
        Incident joined = incidents.modify(incidentId, incident -> incident.joined(numbers, earliest,
                new TicketEvent(now, actor, "LINK", null, incident.status(), join("并入 " + String.join("、", numbers), note))))
                .orElseThrow(() -> notFound(incidentId));
        return settling.settle(joined, actor, note, now);
    }

    /**
     * Takes a ticket out of its incident. It keeps the status, department and deadline it had there (the dispatcher
     * acts on it alone from now on) and its trail records the unlink.
     */
    public Incident unlink(String incidentId, String trackingNumber, String note, String actor) {
        Incident current = find(incidentId);
        if (!current.members().contains(trackingNumber)) {
            throw new IncidentRefusedException(Reason.NOT_FOUND, "NOT_A_MEMBER", "工单 " + trackingNumber + " 不在事件 " + incidentId + " 中。");
        }
        Instant now = clock.instant();
        Incident after = incidents.modify(incidentId, incident -> incident.without(trackingNumber,
                new TicketEvent(now, actor, "UNLINK", null, incident.status(), join("移出 " + trackingNumber, note))))
                .orElseThrow(() -> notFound(incidentId));
        after = settling.settle(after, actor, note, now);
        log.info("incident member unlinked incident={} trackingNumber={} actor={}", incidentId, trackingNumber, actor);
        return after;
    }

    /**
     * A citizen follows an open request instead of filing a separate one: their own, just filed ticket joins the
     * followed ticket's incident, or a new incident led by the followed ticket.
     */
    public Incident follow(String followedNumber, String followerNumber) {
        Ticket followed = tickets.find(followedNumber).orElseThrow(() -> new IncidentRefusedException(Reason.NOT_FOUND,
                "NOT_FOUND", "没有这个诉求。"));
        String note = "市民关注同一问题";
        if (followed.incidentId() != null) {
            return link(followed.incidentId(), List.of(followerNumber), note, CITIZEN);
        }
        return create(List.of(followedNumber, followerNumber), null, note, CITIZEN);
    }

    /** The incident a ticket is linked into, or null (none, or no such ticket). */
    public String incidentOf(String trackingNumber) {
        return tickets.find(trackingNumber).map(Ticket::incidentId).orElse(null);
    }

    public Incident find(String incidentId) {
        if (incidentId == null || !INCIDENT_ID.matcher(incidentId).matches()) {
            // never handed to the store: a malformed key is no incident, not a store error
            throw notFound(incidentId);
        }
        // a change to it interrupted before its tickets were all written is completed now
        return settling.repair(incidents.find(incidentId).orElseThrow(() -> notFound(incidentId)));
    }

    /** The incident with any change that was interrupted before its tickets were written completed. */
    public Incident settled(Incident incident) {
        return settling.repair(incident);
    }

    /** The member tickets of an incident, in the incident's order (a member deleted meanwhile is left out). */
    public List<Ticket> members(Incident incident) {
        List<Ticket> found = new ArrayList<>();
        incident.members().forEach(n -> tickets.find(n).ifPresent(found::add));
        return found;
    }

    /** Distinct, well-formed tracking numbers, at least {@code min} and at most an incident's size. */
    private static List<String> wellFormed(List<String> trackingNumbers, int min) {
        if (trackingNumbers == null) {
            trackingNumbers = List.of();
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String number : trackingNumbers) {
            String n = number == null ? "" : number.strip();
            if (!TRACKING_NUMBER.matcher(n).matches()) {
                throw new IncidentRefusedException(Reason.INVALID, "INVALID_TRACKING_NUMBER", "受理编号格式不正确：" + n + "。");
            }
            distinct.add(n);
        }
        if (distinct.size() < min || distinct.size() > Incident.MAX_MEMBERS) {
            throw new IncidentRefusedException(Reason.INVALID, "INVALID_TRACKING_NUMBERS",
                    "请提供" + min + "到" + Incident.MAX_MEMBERS + "个不同的受理编号。");
        }
        return List.copyOf(distinct);
    }

    /** The tickets, each existing, open and in no incident. */
    private List<Ticket> linkable(List<String> numbers) {
        List<Ticket> found = new ArrayList<>();
        for (String number : numbers) {
            Ticket ticket = ticket(number);
            if (ticket.incidentId() != null && incidents.find(ticket.incidentId()).filter(Incident::unsettled).isPresent()) {
                // its incident may owe it an unlink that an interrupted change left pending: settle, then look again
                settling.repair(incidents.find(ticket.incidentId()).orElseThrow());
                ticket = ticket(number);
            }
            if (ticket.incidentId() != null) {
                throw new IncidentRefusedException(Reason.CONFLICT, "ALREADY_LINKED",
                        "工单 " + number + " 已在事件 " + ticket.incidentId() + " 中，请先移出。");
            }
            if (!ticket.status().isOpen()) {
                throw new IncidentRefusedException(Reason.CONFLICT, "TICKET_FINISHED",
                        "工单 " + number + " 已办结（" + ticket.status() + "），不能合并。");
            }
            found.add(ticket);
        }
        return found;
    }

    private Ticket ticket(String number) {
        return tickets.find(number).orElseThrow(() -> new IncidentRefusedException(Reason.INVALID,
                "UNKNOWN_TICKET", "没有这个工单：" + number + "。"));
    }

    private static IncidentRefusedException notFound(String incidentId) {
        return new IncidentRefusedException(Reason.NOT_FOUND, "NOT_FOUND", "没有这个事件。");
    }

    private static String join(String what, String note) {
        return SettlingIncident.join(what, note);
    }
}
