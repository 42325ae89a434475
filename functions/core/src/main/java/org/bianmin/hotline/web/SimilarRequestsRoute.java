package org.bianmin.hotline.web;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.validation.constraints.NotBlank;
import org.bianmin.hotline.IntakeCommand;
import org.bianmin.hotline.model.Location;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketStatus;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.hotline.similarity.FollowingSimilarRequest;
import org.bianmin.hotline.similarity.SimilarTicket;
import org.bianmin.http.Access;
import org.bianmin.http.ApiException;
import org.bianmin.http.CharacterCount;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.RateLimiter;
import org.bianmin.http.RequestBodies;

/**
 * {@code POST /v1/requests/similar} {@code {"text","location"?}}: before a citizen files, the open requests about the
 * same problem at the same place ("附近已有类似诉求正在办理"), creating nothing. Public, like filing, and rate limited
 * per client address. Each is shown with its public status only: tracking number, status, category, the handling
 * department, its grid, when it was received and is due, how many citizens reported it, and the place names it
 * shares with the citizen's own words. Never another citizen's text, phone, name or address: those are theirs, and
 * the shared place names come from the asking citizen's own text.
 */
public final class SimilarRequestsRoute implements HttpRoute {

    private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(WorkingCalendar.ZONE);
    /** The citizen's words for each status, as the chatbot shows them. */
    static final Map<TicketStatus, String> STATUS_LABELS = Map.of(
            TicketStatus.RECEIVED, "已受理", TicketStatus.DISPATCHED, "已派单", TicketStatus.ACCEPTED, "已签收",
            TicketStatus.IN_PROGRESS, "办理中", TicketStatus.ESCALATED, "督办中", TicketStatus.REJECTED, "重新派单中",
            TicketStatus.REOPENED, "重新办理中", TicketStatus.RESOLVED, "已办结", TicketStatus.CLOSED, "已归档");

    private final FollowingSimilarRequest similar;
    private final RateLimiter limiter;

    public SimilarRequestsRoute(FollowingSimilarRequest similar, RateLimiter limiter) {
        this.similar = similar;
        this.limiter = limiter;
    }

    @Override
    public Access access() {
        return Access.anyone();
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String pathTemplate() {
        return "/v1/requests/similar";
    }

    @Override
    public Set<Integer> statuses() {
        return Set.of(200, 400, 429);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        limiter.admit(request, "查询过于频繁，请稍后再试。");
        PreviewBody body = RequestBodies.bind(request, PreviewBody.class);
        Location location = body.location() == null ? null : body.location().toLocation();
        List<Map<String, Object>> found = similar.openSimilar(body.text().strip(), location).stream()
                .map(SimilarRequestsRoute::publicView).toList();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("similar", found);
        view.put("count", found.size());
        view.put("notice", found.isEmpty() ? null : "附近已有类似诉求正在办理");
        return HttpResponse.json(200, view);
    }

    static Map<String, Object> publicView(SimilarTicket found) {
        Ticket t = found.ticket();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("trackingNumber", t.trackingNumber());
        view.put("status", t.status().name());
        view.put("statusLabel", STATUS_LABELS.get(t.status()));
        view.put("category", t.category());
        view.put("department", t.department());
        view.put("grid", t.grid() == null ? null : t.grid().name());
        view.put("createdAt", OFFSET_TIME.format(t.createdAt()));
        view.put("dueAt", OFFSET_TIME.format(t.dueAt()));
        view.put("merged", t.incidentId() != null);
        view.put("sharedPlaces", found.score().sharedPlaces());
        return view;
    }

    /** The body of a preview: the words the citizen is about to file, and the place if they gave it. */
    record PreviewBody(
            @NotBlank(message = "TEXT_REQUIRED:请填写诉求内容。")
            @CharacterCount(min = IntakeCommand.MIN_TEXT, max = IntakeCommand.MAX_TEXT, message = "TEXT_LENGTH:诉求内容应为{min}到{max}个字。")
            String text,
            Place location) {

        record Place(String address, String community, Double lat, Double lon) {

            Location toLocation() {
                if ((lat == null) != (lon == null) || lat != null && (lat < -90 || lat > 90 || lon < -180 || lon > 180)) {
                    throw ApiException.badRequest("INVALID_COORDINATES", "坐标需同时提供有效的纬度和经度。");
                }
                if (address != null && address.length() > 200 || community != null && community.length() > 50) {
                    throw ApiException.badRequest("INVALID_ADDRESS", "地址不能超过200字，社区不能超过50字。");
                }
                if (address == null && community == null && lat == null) {
                    return null;
                }
                return new Location(address, community, lat, lon);
            }
        }
    }
}
