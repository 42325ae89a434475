package org.bianmin.hotline.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bianmin.hotline.hotspots.HotSpot;
import org.bianmin.hotline.hotspots.HotSpotMember;
import org.bianmin.hotline.hotspots.ListingHotSpots;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.http.Access;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.Paging;

/**
 * {@code GET /v1/staff/hotspots?from=&to=&limit=}: the hot spots (热点问题) of a period, hottest first: clusters of
 * tickets about the same problem at the same place, each with its name, place, problem, department, time span,
 * heat and members (tracking numbers and external ids). Staff only: the dispatch centre sees the city's hot spots,
 * a department those it handles most of. {@code from}/{@code to} are dates (Asia/Shanghai, inclusive; default the
 * last {@value #DEFAULT_DAYS} days, at most {@value ListingHotSpots#MAX_DAYS}); {@code limit} 1-100, default 20.
 */
public final class StaffHotSpotsRoute implements HttpRoute {

    static final int DEFAULT_DAYS = 30;
    /** Members listed per hot spot at most (its {@code reports} says how many it has in the period). */
    static final int MAX_MEMBERS = 200;
    private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(WorkingCalendar.ZONE);

    private final ListingHotSpots hotSpots;
    private final Clock clock;

    public StaffHotSpotsRoute(ListingHotSpots hotSpots, Clock clock) {
        this.hotSpots = hotSpots;
        this.clock = clock;
    }

    /** Staff: the dispatch centre all hot spots, a department its own. */
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
        return "/v1/staff/hotspots";
    }

    @Override
    public Set<Integer> statuses() {
        return Set.of(200, 400, 403);
    }

    @Override
    public Set<String> queryParameters() {
        return Set.of("from", "to", "limit");
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        StaffMember actor = StaffAuthentication.require(request);
        DayRange days = DayRange.parse(request, clock, DEFAULT_DAYS, ListingHotSpots.MAX_DAYS);
        int limit = Paging.of(request, ListingHotSpots.DEFAULT_LIMIT, ListingHotSpots.MAX_LIMIT).limit();
        List<Map<String, Object>> views = hotSpots.hottest(days.start(), days.end(), limit,
                department -> actor.dispatchCentre() || actor.department().equals(department)).stream()
                .map(StaffHotSpotsRoute::view).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", days.from().toString());
        body.put("to", days.to().toString());
        body.put("count", views.size());
        body.put("hotspots", views);
        return HttpResponse.json(200, body);
    }

    private static Map<String, Object> view(HotSpot hot) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", hot.id());
        view.put("name", hot.name());
        view.put("place", hot.place());
        view.put("problem", hot.problem());
        view.put("department", hot.department());
        view.put("category", hot.category());
        view.put("firstAt", OFFSET_TIME.format(hot.firstAt()));
        view.put("lastAt", OFFSET_TIME.format(hot.lastAt()));
        view.put("heat", hot.heat().value());
        view.put("reports", hot.heat().reports());
        view.put("reporters", hot.heat().reporters());
        view.put("likes", hot.heat().likes());
        view.put("recency", hot.heat().recency());
        view.put("concentration", hot.heat().concentration());
        view.put("members", hot.members().stream().limit(MAX_MEMBERS).map(StaffHotSpotsRoute::member).toList());
        return view;
    }

    private static Map<String, Object> member(HotSpotMember member) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("trackingNumber", member.trackingNumber());
        view.put("externalId", member.externalId());
        view.put("receivedAt", OFFSET_TIME.format(member.at()));
        view.put("likes", member.likes());
        return view;
    }
}
