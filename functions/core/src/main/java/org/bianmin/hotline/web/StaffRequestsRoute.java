package org.bianmin.hotline.web;

import java.util.Set;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.http.ApiException;
import org.bianmin.http.Access;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.Paging;
import org.bianmin.hotline.application.TicketStore;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.hotline.model.TicketStatus;
import org.bianmin.store.InvalidCursorException;
import org.bianmin.store.Page;

/**
 * {@code GET /v1/staff/requests?status=&department=}: the queue a staff member may see. A department sees only its
 * own tickets (asking for another's is a 403); the dispatch centre sees any department, or all. With
 * {@code ?externalId=ID} it finds the ticket imported under that id (an index query), if the caller may see it.
 * Paged with {@code limit} (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}) and {@code cursor}; the
 * answer carries {@code nextCursor} while there are more. Newest first, from one index query per status.
 */
public final class StaffRequestsRoute implements HttpRoute {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private final TicketStore tickets;

    public StaffRequestsRoute(TicketStore tickets) {
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
        return "/v1/staff/requests";
    }

    @Override
    public Set<Integer> statuses() {
        return Set.of(200, 400, 403);
    }

    @Override
    public Set<String> queryParameters() {
        return Set.of("status", "department", "externalId", "limit", "cursor");
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        StaffMember actor = StaffAuthentication.require(request);
        Paging paging = Paging.of(request, DEFAULT_LIMIT, MAX_LIMIT);
        String externalId = request.queryParameter("externalId").filter(id -> !id.isBlank()).orElse(null);
        if (externalId != null) {
            // an identifier names one ticket (a few if the earlier system reused it): one page, never a cursor
            List<Map<String, Object>> views = tickets.withExternalId(externalId.strip()).stream()
                    .filter(actor::mayAccess).limit(paging.limit()).map(RequestStatusRoute::staffView).toList();
            return page(new Page<>(views, null));
        }
        String department = request.queryParameter("department").filter(d -> !d.isBlank()).orElse(null);
        if (!actor.dispatchCentre()) {
            if (department != null && !department.equals(actor.department())) {
                throw new ApiException(403, "FORBIDDEN", "无权查看其他部门的工单。");
            }
            department = actor.department();
        }
        List<TicketStatus> statuses = new ArrayList<>();
        String status = request.queryParameter("status").filter(s -> !s.isBlank()).orElse(null);
        if (status == null) {
            statuses.addAll(List.of(TicketStatus.values()));
        } else {
            try {
                statuses.add(TicketStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("INVALID_STATUS", "status 不是有效的工单状态：" + status);
            }
        }
        Page<Map<String, Object>> page;
        try {
            page = tickets.list(department, statuses, paging.limit(), paging.cursor()).map(RequestStatusRoute::staffView);
        } catch (InvalidCursorException e) {
            throw Paging.invalidCursor();
        }
        return page(page);
    }

    private static HttpResponse page(Page<Map<String, Object>> page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requests", page.items());
        body.put("count", page.items().size());
        body.put("nextCursor", page.nextCursor());
        return HttpResponse.json(200, body);
    }
}
