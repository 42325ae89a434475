package org.bianmin.hotline.web;

import java.util.Set;
import java.time.format.DateTimeFormatter;
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
import org.bianmin.hotline.model.Ticket;
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
        view.put("history", ticket.events().stream().map(e -> {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("at", OFFSET_TIME.format(e.at()));
            event.put("actor", e.actor());
            event.put("action", e.action());
            event.put("from", e.from() == null ? null : e.from().name());
            event.put("to", e.to().name());
            event.put("note", e.note());
            return event;
        }).toList());
        return view;
    }

    /** What a citizen may see: no phone number, no staff names. */
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
        List<Map<String, Object>> history = ticket.events().stream().map(e -> {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("at", OFFSET_TIME.format(e.at()));
            event.put("status", e.to().name());
            event.put("note", e.note());
            return event;
        }).toList();
        view.put("history", history);
        return view;
    }
}
