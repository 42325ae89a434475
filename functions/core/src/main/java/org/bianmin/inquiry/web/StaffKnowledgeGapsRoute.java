package org.bianmin.inquiry.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.bianmin.http.Access;
import org.bianmin.http.ApiException;
import org.bianmin.http.DependencyUnavailableException;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.inquiry.application.ListingKnowledgeGaps;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code GET /v1/staff/knowledge-gaps?days=7}: the questions of the last {@code days} days (1 to {@value #MAX_DAYS},
 * Beijing dates, today included) whose answer was marked 没用 or that no entry answered, grouped by similar question.
 * For the knowledge editors and the dispatch centre.
 */
public final class StaffKnowledgeGapsRoute implements HttpRoute {

    static final int DEFAULT_DAYS = 7;
    static final int MAX_DAYS = 90;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final ListingKnowledgeGaps gaps;
    private final Clock clock;

    public StaffKnowledgeGapsRoute(ListingKnowledgeGaps gaps, Clock clock) {
        this.gaps = gaps;
        this.clock = clock;
    }

    @Override
    public Access access() {
        return Access.staffWithRole(Access.DISPATCH_ROLE, Access.KNOWLEDGE_EDITOR_ROLE);
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String pathTemplate() {
        return "/v1/staff/knowledge-gaps";
    }

    @Override
    public Set<Integer> statuses() {
        return Set.of(200, 400);
    }

    @Override
    public Set<String> queryParameters() {
        return Set.of("days");
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        int days = request.queryParameter("days").map(StaffKnowledgeGapsRoute::days).orElse(DEFAULT_DAYS);
        LocalDate today = LocalDate.now(clock.withZone(BEIJING));
        try {
            return HttpResponse.json(200, gaps.between(today.minusDays(days - 1L), today));
        } catch (SdkException e) {
            throw new DependencyUnavailableException(e.getMessage(), e);
        }
    }

    private static int days(String raw) {
        if (!raw.matches("[0-9]{1,3}") || Integer.parseInt(raw) < 1 || Integer.parseInt(raw) > MAX_DAYS) {
            throw ApiException.badRequest("INVALID_DAYS", "days 须为1到" + MAX_DAYS + "之间的整数（默认" + DEFAULT_DAYS + "）。");
        }
        return Integer.parseInt(raw);
    }
}
