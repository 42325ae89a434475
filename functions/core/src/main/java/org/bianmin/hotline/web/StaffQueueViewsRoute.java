package org.bianmin.hotline.web;

import java.time.Clock;
import java.util.Set;
import org.bianmin.hotline.application.TicketStore;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.http.Access;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;

/**
 * {@code GET /v1/staff/requests/views?department=}: the desk's views the caller may use (待派单 for the dispatch
 * centre, 待签收, 即将超期, 已超期, 督办中, 重复件) with how many tickets each holds now. Each count is the view's own index
 * queries with {@code Select=COUNT}, never a scan. A department gets its own counts (another's is a 403).
 */
public final class StaffQueueViewsRoute implements HttpRoute {

    private final StaffQueue queue;

    public StaffQueueViewsRoute(TicketStore tickets, Clock clock) {
        this.queue = new StaffQueue(tickets, null, clock);
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
        return "/v1/staff/requests/views";
    }

    @Override
    public Set<Integer> statuses() {
        return Set.of(200, 403);
    }

    @Override
    public Set<String> queryParameters() {
        return Set.of("department");
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        StaffMember actor = StaffAuthentication.require(request);
        return HttpResponse.json(200, queue.counts(actor, request.queryParameter("department").orElse(null)));
    }
}
