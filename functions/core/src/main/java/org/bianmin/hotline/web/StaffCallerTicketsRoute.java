package org.bianmin.hotline.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bianmin.hotline.HistoricalRequest;
import org.bianmin.hotline.application.TicketStore;
import org.bianmin.hotline.model.PhoneNumber;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.http.Access;
import org.bianmin.http.ApiException;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;

/**
 * {@code GET /v1/staff/requests/{trackingNumber}/caller-tickets}: the same caller's other tickets, newest first, found
 * by the ticket's keyed phone hash (the phone-hash index; the number itself is never read). A department sees only
 * those of its own it may see; the answer says how many others exist. Imported tickets without a phone share a
 * placeholder number and so have no caller history.
 */
public final class StaffCallerTicketsRoute implements HttpRoute {

    static final int LIMIT = 20;
    private static final String NO_CONTACT_MASK = PhoneNumber.parse(HistoricalRequest.NO_CONTACT)
            .map(PhoneNumber::masked).orElse(null);

    private final TicketStore tickets;

    public StaffCallerTicketsRoute(TicketStore tickets) {
        this.tickets = tickets;
    }

    @Override
    public Access access() {
        return Access.staff();
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String pathTemplate() {
        return "/v1/staff/requests/{trackingNumber}/caller-tickets";
    }

    @Override
    public Set<Integer> statuses() {
        return Set.of(200, 403, 404);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        StaffMember actor = StaffAuthentication.require(request);
        Ticket ticket = tickets.find(request.pathParameter("trackingNumber"))
                .orElseThrow(() -> new ApiException(404, "NOT_FOUND", "没有这个工单。"));
        if (!actor.mayAccess(ticket)) {
            throw new ApiException(403, "FORBIDDEN", "无权查看该工单。");
        }
        List<Ticket> others = ticket.phone().masked().equals(NO_CONTACT_MASK) ? List.of()
                : tickets.withPhoneHashes(List.of(ticket.phone().hash()), LIMIT + 1).stream()
                        .filter(t -> !t.trackingNumber().equals(ticket.trackingNumber())).limit(LIMIT).toList();
        List<Map<String, Object>> visible = others.stream().filter(actor::mayAccess).map(StaffCallerTicketsRoute::summary).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requests", visible);
        body.put("count", visible.size());
        body.put("hidden", others.size() - visible.size());
        return HttpResponse.json(200, body);
    }

    private static Map<String, Object> summary(Ticket t) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("trackingNumber", t.trackingNumber());
        view.put("status", t.status().name());
        view.put("category", t.category());
        view.put("department", t.department());
        view.put("createdAt", RequestStatusRoute.time(t.createdAt()));
        view.put("text", t.text().length() > 80 ? t.text().substring(0, 80) + "…" : t.text());
        return view;
    }
}
