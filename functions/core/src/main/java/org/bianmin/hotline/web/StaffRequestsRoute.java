package org.bianmin.hotline.web;

import java.time.Clock;
import java.util.Set;
import org.bianmin.http.ApiException;
import org.bianmin.http.Access;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.Paging;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.application.QueueView;
import org.bianmin.hotline.application.TicketStore;
import org.bianmin.hotline.model.StaffMember;

/**
 * {@code GET /v1/staff/requests?view=&q=&sort=&status=&department=}: the queue a staff member may see. A department
 * sees only its own tickets, and only those dispatched to it (asking for another department's, or for 待派单, is a
 * 403); the dispatch centre sees any department, or all. {@code view} picks one of the desk's views
 * ({@link QueueView}), {@code q} searches (see {@link StaffQueue}; a phone number is refused here, because it would
 * travel in the URL: {@code POST /v1/staff/requests/search} takes it in the body), {@code sort} orders by creation
 * ({@code created}, newest first, the default), deadline ({@code due}) or priority ({@code priority}); the last two
 * list open tickets only. With {@code ?externalId=ID} it finds the ticket imported under that id. Paged with
 * {@code limit} (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}) and {@code cursor}; the answer carries
 * {@code nextCursor} while there are more. Every listing is index queries, merged.
 */
public final class StaffRequestsRoute implements HttpRoute {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private final StaffQueue queue;

    public StaffRequestsRoute(TicketStore tickets) {
        this(tickets, null, Clock.systemUTC());
    }

    /** @param phones the keyed hashes a phone search looks tickets up by */
    public StaffRequestsRoute(TicketStore tickets, PhoneProtector phones, Clock clock) {
        this.queue = new StaffQueue(tickets, phones, clock);
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
        return "/v1/staff/requests";
    }

    @Override
    public Set<Integer> statuses() {
        return Set.of(200, 400, 403);
    }

    @Override
    public Set<String> queryParameters() {
        return Set.of("status", "department", "externalId", "q", "view", "sort", "limit", "cursor");
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        StaffMember actor = StaffAuthentication.require(request);
        Paging paging = Paging.of(request, DEFAULT_LIMIT, MAX_LIMIT);
        String q = request.queryParameter("q").orElse(null);
        if (StaffQueue.looksLikePhone(q)) {
            throw ApiException.badRequest("PHONE_IN_URL", "按电话查询请用 POST /v1/staff/requests/search（电话号码不放在网址中）。");
        }
        return queue.list(actor, new StaffQueue.Criteria(q, param(request, "view"), param(request, "sort"),
                param(request, "status"), param(request, "department"), param(request, "externalId")),
                paging.limit(), paging.cursor());
    }

    private static String param(HttpRequest request, String name) {
        return request.queryParameter(name).orElse(null);
    }
}
