package org.bianmin.hotline.web;

import java.util.Set;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.http.Access;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.RateLimiter;
import org.bianmin.hotline.application.TicketStore;
import org.bianmin.hotline.application.TrackingCodeLockout;
import org.bianmin.hotline.model.ActorNames;
import org.bianmin.hotline.model.PublicTimeline;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketEvent;
import org.bianmin.hotline.model.WorkingCalendar;

/**
 * {@code GET /v1/requests/{trackingNumber}?code=...}: the citizen's view of a request, its status and history
 * (access as in {@link CitizenAccess}). Also the views staff routes return.
 */
public final class RequestStatusRoute implements HttpRoute {

    private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(WorkingCalendar.ZONE);

    private final CitizenAccess access;

    public RequestStatusRoute(TicketStore tickets, RateLimiter limiter, TrackingCodeLockout lockout) {
        this.access = new CitizenAccess(tickets, limiter, lockout);
    }

    /** Public: a tracking code is the credential, checked by the route. */
    @Override
    public Access access() {
        return Access.anyone();
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String pathTemplate() {
        return "/v1/requests/{trackingNumber}";
    }

    @Override
    public Set<Integer> statuses() {
        return Set.of(200, 400, 404, 429);
    }

    @Override
    public Set<String> queryParameters() {
        return Set.of("code");
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        return HttpResponse.json(200, view(access.require(request, request.queryParameter("code").orElse(null))));
    }

    /**
     * What staff see: the citizen's view plus the text, the masked phone, the routing (with the router's suggestion)
     * and the full audit trail.
     */
    static Map<String, Object> staffView(Ticket ticket) {
        Map<String, Object> view = view(ticket);
        view.put("text", ticket.text());
        view.put("phone", ticket.phone().masked());
        view.put("categoryCode", ticket.categoryCode());
        view.put("sla", ticket.sla().name());
        view.put("manualTriage", ticket.manualTriage());
        view.put("version", ticket.version());
        view.put("location", ticket.location());
        // the router's suggestion beside the routing above: the dispatcher sees what was proposed and how surely
        view.put("suggestion", ticket.suggestion());
        view.put("corrected", ticket.corrected());
        // 重复件: what the intake's similarity check found, and the incident the ticket was linked into
        view.put("likelyDuplicates", ticket.likelyDuplicates());
        view.put("duplicateSuspected", !ticket.likelyDuplicates().isEmpty());
        view.put("incidentId", ticket.incidentId());
        if (ticket.origin() != null) {
            view.put("externalId", ticket.origin().externalId());
            view.put("likes", ticket.origin().likes());
        }
        view.put("history", auditTrail(ticket));
        return view;
    }

    /**
     * The staff audit trail: every event with a readable actor ({@link ActorNames}) beside the raw one, and whether
     * its note stays inside ({@code internal}) or reaches the citizen. The dispatch queue's delivery receipts change
     * nothing, so they are not rows of their own: each is folded into the row before it as {@code delivery}.
     */
    static List<Map<String, Object>> auditTrail(Ticket ticket) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TicketEvent e : ticket.events()) {
            if (TicketEvent.NOTIFY.equals(e.action()) && e.keepsStatus() && !rows.isEmpty()) {
                rows.get(rows.size() - 1).put("delivery", e.note());
                continue;
            }
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("at", OFFSET_TIME.format(e.at()));
            event.put("actor", e.actor());
            event.put("actorName", ActorNames.of(e));
            event.put("action", e.action());
            event.put("from", e.from() == null ? null : e.from().name());
            event.put("to", e.to().name());
            event.put("note", e.note());
            boolean citizenReadsNote = e.note() != null && PublicTimeline.entry(e)
                    .map(entry -> e.note().equals(entry.note())).orElse(false);
            event.put("internal", e.note() != null && !citizenReadsNote);
            rows.add(event);
        }
        return rows;
    }

    static String time(java.time.Instant instant) {
        return OFFSET_TIME.format(instant);
    }

    /** What a citizen may see: no phone number, no staff names, no staff notes ({@link PublicTimeline}). */
    static Map<String, Object> view(Ticket ticket) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("trackingNumber", ticket.trackingNumber());
        view.put("status", ticket.status().name());
        view.put("domain", ticket.domain());
        view.put("category", ticket.category());
        view.put("department", ticket.department());
        view.put("grid", ticket.grid() == null ? null : ticket.grid().name());
        view.put("createdAt", OFFSET_TIME.format(ticket.createdAt()));
        view.put("dueAt", OFFSET_TIME.format(ticket.dueAt()));
        // only what was written for the citizen: staff notes, the routing and rejection reasons stay inside
        List<Map<String, Object>> history = PublicTimeline.of(ticket).stream().map(e -> {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("at", OFFSET_TIME.format(e.at()));
            event.put("status", e.status().name());
            event.put("note", e.note());
            return event;
        }).toList();
        view.put("history", history);
        return view;
    }
}
