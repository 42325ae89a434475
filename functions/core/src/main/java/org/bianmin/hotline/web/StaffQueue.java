package org.bianmin.hotline.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.application.QueueQuery;
import org.bianmin.hotline.application.QueueView;
import org.bianmin.hotline.application.TicketStore;
import org.bianmin.hotline.model.PhoneNumber;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketLifecycle;
import org.bianmin.hotline.model.TicketStatus;
import org.bianmin.http.ApiException;
import org.bianmin.http.HttpResponse;
import org.bianmin.store.InvalidCursorException;
import org.bianmin.store.Page;

/**
 * The agent's queue, shared by the listing ({@code GET /v1/staff/requests}) and the search
 * ({@code POST /v1/staff/requests/search}): what the criteria mean, who may ask for what, and the page.
 *
 * <p>A search phrase {@code q} is read as a tracking number (BM and 12 digits), a phone number (looked up by its
 * keyed hashes, never stored), an earlier system's identifier, and otherwise as words the ticket's text contains,
 * within the chosen view. A view with a time window pins its "now" into the cursor, so the next page continues the
 * same window.
 */
final class StaffQueue {

    static final int MAX_QUERY = 100;
    private static final Pattern TRACKING_NUMBER = Pattern.compile("BM\\d{12}");
    private static final Pattern PHONE_LIKE = Pattern.compile("[+\\d\\s()\\-]{7,20}");
    /** Separates the pinned time of a timed view from the store's cursor. */
    private static final char PINNED = '~';

    private final TicketStore tickets;
    private final PhoneProtector phones;
    private final Clock clock;

    StaffQueue(TicketStore tickets, PhoneProtector phones, Clock clock) {
        this.tickets = tickets;
        this.phones = phones;
        this.clock = clock;
    }

    /** What the caller asked for; any may be null. */
    record Criteria(String q, String view, String sort, String status, String department, String externalId) {
    }

    /** Whether a phrase would be read as a phone number (and so must not travel in a URL). */
    static boolean looksLikePhone(String q) {
        return q != null && PHONE_LIKE.matcher(q.strip()).matches() && PhoneNumber.parse(q).isPresent();
    }

    HttpResponse list(StaffMember actor, Criteria criteria, int limit, String cursor) {
        String externalId = blankToNull(criteria.externalId());
        if (externalId != null) {
            // an identifier names one ticket (a few if the earlier system reused it): one page, never a cursor
            return single(tickets.withExternalId(externalId.strip()), actor, limit);
        }
        String q = blankToNull(criteria.q());
        if (q != null) {
            q = q.strip();
            if (q.length() > MAX_QUERY) {
                throw ApiException.badRequest("INVALID_QUERY", "搜索内容不能超过" + MAX_QUERY + "个字。");
            }
            Optional<List<Ticket>> exact = exact(q);
            if (exact.isPresent()) {
                return single(exact.get(), actor, limit);
            }
        }
        String department = department(actor, blankToNull(criteria.department()));
        List<TicketStatus> statuses = statuses(actor, blankToNull(criteria.status()));
        QueueQuery.Order order = order(blankToNull(criteria.sort()));
        String viewName = blankToNull(criteria.view());
        QueueView view = null;
        if (viewName != null) {
            view = QueueView.fromWireName(viewName).orElseThrow(() -> ApiException.badRequest("INVALID_VIEW",
                    "view 只能是 " + String.join("、", java.util.Arrays.stream(QueueView.values()).map(QueueView::wireName).toList()) + "。"));
            if (!view.offeredTo(actor)) {
                throw new ApiException(403, "FORBIDDEN", "待派单的工单由分拨中心处理。");
            }
        }
        // to the millisecond, as the cursor carries it, so the next page asks the very same query
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String storeCursor = cursor;
        boolean timed = view != null && view.timed();
        if (timed && cursor != null) {
            int at = cursor.indexOf(PINNED);
            try {
                now = Instant.ofEpochMilli(Long.parseLong(cursor.substring(0, at)));
                storeCursor = cursor.substring(at + 1);
            } catch (RuntimeException e) {
                throw org.bianmin.http.Paging.invalidCursor();
            }
        }
        QueueQuery query = view == null ? new QueueQuery(department, statuses, order, null, null, q)
                : view.query(department, statuses, now, order, q);
        Page<Ticket> page;
        try {
            page = tickets.queue(query, limit, storeCursor);
        } catch (InvalidCursorException e) {
            throw org.bianmin.http.Paging.invalidCursor();
        }
        String next = page.nextCursor() == null ? null : timed ? now.toEpochMilli() + String.valueOf(PINNED) + page.nextCursor()
                : page.nextCursor();
        return page(page.items().stream().map(RequestStatusRoute::staffView).toList(), next);
    }

    /** The counts of the member's views, each by the view's own index queries. */
    Map<String, Object> counts(StaffMember actor, String requestedDepartment) {
        String department = department(actor, blankToNull(requestedDepartment));
        List<TicketStatus> statuses = statuses(actor, null);
        Instant now = clock.instant();
        List<Map<String, Object>> views = new ArrayList<>();
        for (QueueView view : QueueView.forMember(actor)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("view", view.wireName());
            entry.put("label", view.label(actor));
            entry.put("count", tickets.count(view.query(department, statuses, now, QueueQuery.Order.DUE, null)));
            views.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", RequestStatusRoute.time(now));
        body.put("dueSoonHours", QueueView.DUE_SOON_WINDOW.toHours());
        body.put("views", views);
        return body;
    }

    /** A tracking number, a phone number or an earlier system's identifier names tickets exactly. */
    private Optional<List<Ticket>> exact(String q) {
        String upper = q.toUpperCase(Locale.ROOT);
        if (TRACKING_NUMBER.matcher(upper).matches()) {
            return Optional.of(tickets.find(upper).map(List::of).orElse(List.of()));
        }
        if (looksLikePhone(q)) {
            if (phones == null) {
                throw ApiException.badRequest("PHONE_SEARCH_UNAVAILABLE", "此处不支持按电话查询。");
            }
            return Optional.of(tickets.withPhoneHashes(phones.lookupHashes(PhoneNumber.parse(q).orElseThrow()),
                    StaffRequestsRoute.MAX_LIMIT));
        }
        List<Ticket> imported = tickets.withExternalId(q);
        return imported.isEmpty() ? Optional.empty() : Optional.of(imported);
    }

    private static HttpResponse single(List<Ticket> found, StaffMember actor, int limit) {
        return page(found.stream().filter(actor::mayAccess).limit(limit).map(RequestStatusRoute::staffView).toList(), null);
    }

    private static String department(StaffMember actor, String department) {
        if (actor.dispatchCentre()) {
            return department;
        }
        if (department != null && !department.equals(actor.department())) {
            throw new ApiException(403, "FORBIDDEN", "无权查看其他部门的工单。");
        }
        return actor.department();
    }

    /** The statuses asked for, within those the member may see (a department: only tickets that reached it). */
    private static List<TicketStatus> statuses(StaffMember actor, String status) {
        List<TicketStatus> visible = java.util.Arrays.stream(TicketStatus.values())
                .filter(s -> actor.dispatchCentre() || TicketLifecycle.reachedDepartment(s)).toList();
        if (status == null) {
            return visible;
        }
        TicketStatus asked;
        try {
            asked = TicketStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_STATUS", "status 不是有效的工单状态：" + status);
        }
        if (!visible.contains(asked)) {
            throw new ApiException(403, "FORBIDDEN", "待派单的工单由分拨中心处理，部门看不到。");
        }
        return List.of(asked);
    }

    private static QueueQuery.Order order(String sort) {
        if (sort == null) {
            return QueueQuery.Order.CREATED;
        }
        return switch (sort) {
            case "created" -> QueueQuery.Order.CREATED;
            case "due" -> QueueQuery.Order.DUE;
            case "priority" -> QueueQuery.Order.PRIORITY;
            default -> throw ApiException.badRequest("INVALID_SORT", "sort 只能是 created（最新受理）、due（时限最近）或 priority（紧急优先）。");
        };
    }

    static HttpResponse page(List<Map<String, Object>> views, String nextCursor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requests", views);
        body.put("count", views.size());
        body.put("nextCursor", nextCursor);
        return HttpResponse.json(200, body);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
