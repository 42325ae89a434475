package org.bianmin.hotline.web;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.validation.constraints.Size;
import org.bianmin.hotline.application.IncidentListing;
import org.bianmin.hotline.application.IncidentRefusedException;
import org.bianmin.hotline.application.LinkingDuplicates;
import org.bianmin.hotline.model.Incident;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.http.Access;
import org.bianmin.http.ApiException;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.HttpRouteGroup;
import org.bianmin.http.Paging;
import org.bianmin.http.RequestBodies;
import org.bianmin.store.InvalidCursorException;
import org.bianmin.store.Page;

/**
 * Incidents (合并办理): duplicates linked into one, handled as one ({@link LinkingDuplicates}).
 * <ul>
 *   <li>{@code POST /v1/staff/incidents} {@code {"trackingNumbers":[...],"department"?,"note"?}}: a new incident of
 *       two or more open tickets (the first leads); 201 with the incident;</li>
 *   <li>{@code POST /v1/staff/incidents/{incidentId}/tickets} {@code {"trackingNumbers":[...],"note"?}}: links more;</li>
 *   <li>{@code DELETE /v1/staff/incidents/{incidentId}/tickets/{trackingNumber}}: unlinks one;</li>
 *   <li>{@code GET /v1/staff/incidents/{incidentId}}: the incident, its members with their statuses, its trail;</li>
 *   <li>{@code GET /v1/staff/incidents?limit=&cursor=&department=}: newest first, with member counts; the dispatch
 *       centre's list is every open incident (or, with {@code department}, every incident that department owns), a
 *       department's list the incidents it owns.</li>
 * </ul>
 * Linking and unlinking are the dispatch centre's (role {@value Access#DISPATCH_ROLE}); any staff member may read an
 * incident their department owns, the dispatch centre any. Refusals change nothing: 400 for a malformed or unknown
 * tracking number or department, 404 for an unknown incident or a ticket not in it, 409 for a ticket already in an
 * incident or finished, or a full incident.
 */
public final class StaffIncidentRoutes implements HttpRouteGroup {

    private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(WorkingCalendar.ZONE);

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final LinkingDuplicates linking;
    private final IncidentListing listing;

    public StaffIncidentRoutes(LinkingDuplicates linking, IncidentListing listing) {
        this.linking = linking;
        this.listing = listing;
    }

    @Override
    public List<HttpRoute> routes() {
        Access dispatchCentre = Access.staffWithRole(Access.DISPATCH_ROLE);
        return List.of(
                HttpRoute.of("POST", "/v1/staff/incidents", dispatchCentre, request -> {
                    StaffMember actor = StaffAuthentication.require(request);
                    CreateBody body = RequestBodies.bind(request, CreateBody.class);
                    Incident incident = refusing(() -> linking.create(body.trackingNumbers(), body.department(),
                            body.note(), actor.subject()));
                    return HttpResponse.json(201, view(incident));
                }).answering(201, 400, 409),
                HttpRoute.of("POST", "/v1/staff/incidents/{incidentId}/tickets", dispatchCentre, request -> {
                    StaffMember actor = StaffAuthentication.require(request);
                    LinkBody body = RequestBodies.bind(request, LinkBody.class);
                    Incident incident = refusing(() -> linking.link(request.pathParameter("incidentId"),
                            body.trackingNumbers(), body.note(), actor.subject()));
                    return HttpResponse.json(200, view(incident));
                }).answering(200, 400, 404, 409),
                HttpRoute.of("DELETE", "/v1/staff/incidents/{incidentId}/tickets/{trackingNumber}", dispatchCentre, request -> {
                    StaffMember actor = StaffAuthentication.require(request);
                    Incident incident = refusing(() -> linking.unlink(request.pathParameter("incidentId"),
                            request.pathParameter("trackingNumber"), null, actor.subject()));
                    return HttpResponse.json(200, view(incident));
                }).answering(200, 404),
                HttpRoute.of("GET", "/v1/staff/incidents/{incidentId}", Access.staff(), request -> {
                    StaffMember actor = StaffAuthentication.require(request);
                    Incident incident = refusing(() -> linking.find(request.pathParameter("incidentId")));
                    if (!actor.dispatchCentre() && !incident.department().equals(actor.department())) {
                        throw new ApiException(404, "NOT_FOUND", "没有这个事件，或无权查看。");
                    }
                    return HttpResponse.json(200, view(incident));
                }).answering(200, 403, 404),
                HttpRoute.of("GET", "/v1/staff/incidents", Access.staff(), this::list)
                        .reading("limit", "cursor", "department").answering(200, 400, 403));
    }

    private HttpResponse list(HttpRequest request) {
        StaffMember actor = StaffAuthentication.require(request);
        Paging paging = Paging.of(request, DEFAULT_LIMIT, MAX_LIMIT);
        String department = request.queryParameter("department").map(String::strip).filter(d -> !d.isEmpty()).orElse(null);
        if (!actor.dispatchCentre()) {
            if (department != null && !department.equals(actor.department())) {
                throw new ApiException(403, "FORBIDDEN", "无权查看其他部门的事件。");
            }
            department = actor.department();
        }
        Page<Incident> page;
        try {
            page = listing.list(department, paging.limit(), paging.cursor());
        } catch (InvalidCursorException e) {
            throw Paging.invalidCursor();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        // an incident whose last change was interrupted is completed before it is shown (rare: one write then)
        body.put("incidents", page.items().stream().map(linking::settled).map(StaffIncidentRoutes::summary).toList());
        body.put("nextCursor", page.nextCursor());
        return HttpResponse.json(200, body);
    }

    /** An incident as the list shows it: which, who owns it, by when, how many reporters, which ticket leads. */
    private static Map<String, Object> summary(Incident incident) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("incidentId", incident.id());
        view.put("status", incident.status().name());
        view.put("department", incident.department());
        view.put("dueAt", OFFSET_TIME.format(incident.dueAt()));
        view.put("createdAt", OFFSET_TIME.format(incident.createdAt()));
        view.put("createdBy", incident.createdBy());
        view.put("memberCount", incident.members().size());
        view.put("lead", incident.members().isEmpty() ? null : incident.members().get(0));
        return view;
    }

    private static Incident refusing(java.util.function.Supplier<Incident> change) {
        try {
            return change.get();
        } catch (IncidentRefusedException e) {
            int status = switch (e.reason()) {
                case NOT_FOUND -> 404;
                case INVALID -> 400;
                case CONFLICT -> 409;
                case FORBIDDEN -> 403;
            };
            throw new ApiException(status, e.code(), e.getMessage());
        }
    }

    private Map<String, Object> view(Incident incident) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("incidentId", incident.id());
        view.put("status", incident.status().name());
        view.put("department", incident.department());
        view.put("dueAt", OFFSET_TIME.format(incident.dueAt()));
        view.put("createdAt", OFFSET_TIME.format(incident.createdAt()));
        view.put("createdBy", incident.createdBy());
        view.put("reporters", incident.members().size());
        view.put("tickets", linking.members(incident).stream().map(StaffIncidentRoutes::member).toList());
        view.put("history", incident.events().stream().map(e -> {
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

    /** A member as the dispatcher needs it in the list: which, where it stands, whether its reporter rated it. */
    private static Map<String, Object> member(Ticket ticket) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("trackingNumber", ticket.trackingNumber());
        view.put("status", ticket.status().name());
        view.put("department", ticket.department());
        view.put("category", ticket.category());
        view.put("externalId", ticket.externalId());
        view.put("createdAt", OFFSET_TIME.format(ticket.createdAt()));
        view.put("rating", ticket.rating());
        return view;
    }

    /** The body of a new incident. */
    record CreateBody(
            @Size(min = 2, max = Incident.MAX_MEMBERS, message = "INVALID_TRACKING_NUMBERS:请提供{min}到{max}个受理编号。")
            List<String> trackingNumbers,
            @Size(max = 100, message = "UNKNOWN_DEPARTMENT:部门名称不能超过{max}个字。")
            String department,
            @Size(max = 1000, message = "NOTE_TOO_LONG:说明不能超过{max}字。")
            String note) {
    }

    /** The body of a link to an existing incident. */
    record LinkBody(
            @Size(min = 1, max = Incident.MAX_MEMBERS, message = "INVALID_TRACKING_NUMBERS:请提供{min}到{max}个受理编号。")
            List<String> trackingNumbers,
            @Size(max = 1000, message = "NOTE_TOO_LONG:说明不能超过{max}字。")
            String note) {
    }
}
