package org.bianmin.hotline.web;

import java.util.Set;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.hotline.application.TicketStore;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.hotline.similarity.FindingSimilarTickets;
import org.bianmin.hotline.similarity.SimilarTicket;
import org.bianmin.http.ApiException;
import org.bianmin.http.Access;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.Paging;

/**
 * {@code GET /v1/staff/requests/{trackingNumber}/similar}: the likely duplicates of a ticket (重复件), best first,
 * each with its score and the reasons: shared places, shared problem words, distance, days apart, same grid. Staff
 * (JWT) who may see the ticket; a department sees only duplicates among its own tickets, the dispatch centre all.
 * {@code limit} (1-10, default 10) trims the ranked list; it has no further pages, so {@code nextCursor} is always
 * null and any {@code cursor} is refused.
 */
public final class StaffSimilarRoute implements HttpRoute {

    private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(WorkingCalendar.ZONE);
    private final TicketStore tickets;
    private final FindingSimilarTickets similar;

    public StaffSimilarRoute(TicketStore tickets, FindingSimilarTickets similar) {
        this.tickets = tickets;
        this.similar = similar;
    }

    /** Staff only; a department sees only its own tickets. */
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
        return "/v1/staff/requests/{trackingNumber}/similar";
    }

    @Override
    public Set<Integer> statuses() {
        return Set.of(200, 400, 403, 404);
    }

    @Override
    public Set<String> queryParameters() {
        return Set.of("limit", "cursor");
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        StaffMember actor = StaffAuthentication.require(request);
        // a ranked top list from one bounded candidate query: limit trims it, and there is never a next page
        Paging paging = Paging.of(request, FindingSimilarTickets.RESULTS, FindingSimilarTickets.RESULTS);
        if (paging.cursor() != null) {
            throw Paging.invalidCursor();
        }
        Ticket ticket = tickets.find(request.pathParameter("trackingNumber")).filter(actor::mayAccess)
                .orElseThrow(() -> new ApiException(404, "NOT_FOUND", "未找到该工单，或无权查看。"));
        List<Map<String, Object>> views = similar.similarTo(ticket, actor::mayAccess).stream().limit(paging.limit())
                .map(StaffSimilarRoute::view).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trackingNumber", ticket.trackingNumber());
        body.put("similar", views);
        body.put("count", views.size());
        body.put("nextCursor", null);
        return HttpResponse.json(200, body);
    }

    private static Map<String, Object> view(SimilarTicket found) {
        Ticket t = found.ticket();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("trackingNumber", t.trackingNumber());
        view.put("externalId", t.externalId());
        view.put("status", t.status().name());
        view.put("category", t.category());
        view.put("department", t.department());
        view.put("createdAt", OFFSET_TIME.format(t.createdAt()));
        view.put("score", found.score().score());
        Map<String, Object> reasons = new LinkedHashMap<>();
        reasons.put("sharedPlaces", found.score().sharedPlaces());
        reasons.put("sharedWords", found.score().sharedWords());
        reasons.put("distanceMetres", found.score().distanceMetres() == null ? null : Math.round(found.score().distanceMetres()));
        reasons.put("daysApart", found.score().daysApart());
        reasons.put("sameGrid", found.score().sameGrid());
        view.put("reasons", reasons);
        return view;
    }
}
