package org.bianmin.hotline.web;

import java.time.Clock;
import java.util.Set;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.application.TicketStore;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.http.Access;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.RequestBodies;

/**
 * {@code POST /v1/staff/requests/search} {@code {"q","view","sort","status","department","limit","cursor"}}: the
 * same queue as {@code GET /v1/staff/requests}, with the criteria in the body, so a caller's phone number never
 * travels in a URL (where proxies and browser history keep it). A phone is looked up by its keyed hashes only.
 */
public final class StaffSearchRoute implements HttpRoute {

    private final StaffQueue queue;

    public StaffSearchRoute(TicketStore tickets, PhoneProtector phones, Clock clock) {
        this.queue = new StaffQueue(tickets, phones, clock);
    }

    @Override
    public Access access() {
        return Access.staff();
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String pathTemplate() {
        return "/v1/staff/requests/search";
    }

    @Override
    public Set<Integer> statuses() {
        return Set.of(200, 400, 403);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        StaffMember actor = StaffAuthentication.require(request);
        SearchBody body = RequestBodies.bind(request, SearchBody.class);
        if (body.cursor() != null && body.cursor().isEmpty()) {
            throw org.bianmin.http.Paging.invalidCursor();
        }
        int limit = body.limit() == null ? StaffRequestsRoute.DEFAULT_LIMIT : body.limit();
        return queue.list(actor, new StaffQueue.Criteria(body.q(), body.view(), body.sort(), body.status(), body.department(),
                null), limit, body.cursor());
    }

    /** The search criteria; all optional. */
    record SearchBody(
            @Size(max = StaffQueue.MAX_QUERY, message = "INVALID_QUERY:搜索内容不能超过{max}个字。")
            String q,
            String view,
            String sort,
            String status,
            String department,
            @Min(value = 1, message = "INVALID_LIMIT:limit 须为1到200之间的整数。")
            @Max(value = StaffRequestsRoute.MAX_LIMIT, message = "INVALID_LIMIT:limit 须为1到200之间的整数。")
            Integer limit,
            @Size(max = 2048, message = "INVALID_CURSOR:cursor 无效。")
            String cursor) {
    }
}
