package org.bianmin.hotline.web;

import org.bianmin.http.ApiException;
import org.bianmin.http.Access;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.Json;
import org.bianmin.http.RateLimiter;
import org.bianmin.hotline.application.RatingTicket;
import org.bianmin.hotline.application.TicketStore;
import org.bianmin.hotline.application.TrackingCodeLockout;
import org.bianmin.hotline.application.TransitionRefusedException;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/requests/{trackingNumber}/rating} {@code {"code","rating":1-5,"comment"?,"reopen"?}}: the
 * citizen's return visit on a resolved request; {@code reopen: true} sends it back to be handled again.
 */
public final class RatingRoute implements HttpRoute {

    private final CitizenAccess access;
    private final RatingTicket rating;

    public RatingRoute(TicketStore tickets, RateLimiter limiter, TrackingCodeLockout lockout, RatingTicket rating) {
        this.access = new CitizenAccess(tickets, limiter, lockout);
        this.rating = rating;
    }

    /** Public: a tracking code is the credential, checked by the route. */
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
        return "/v1/requests/{trackingNumber}/rating";
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        JsonNode body = Json.objectBody(request);
        JsonNode stars = body.get("rating");
        if (stars == null || !stars.isIntegralNumber() || stars.intValue() < 1 || stars.intValue() > 5) {
            throw ApiException.badRequest("INVALID_RATING", "请给出1到5之间的满意度评分。");
        }
        String comment = Json.optionalString(body, "comment");
        if (comment != null && comment.length() > 500) {
            throw ApiException.badRequest("COMMENT_TOO_LONG", "评价内容不能超过500字。");
        }
        JsonNode reopen = body.get("reopen");
        if (reopen != null && !reopen.isBoolean()) {
            throw ApiException.badRequest("INVALID_REOPEN", "reopen 必须是 true 或 false。");
        }
        var ticket = access.require(request, Json.optionalString(body, "code"));
        try {
            return HttpResponse.json(200, RequestStatusRoute.view(
                    rating.rate(ticket, stars.intValue(), comment, reopen != null && reopen.booleanValue())));
        } catch (TransitionRefusedException e) {
            throw new ApiException(409, e.reason().name(), e.getMessage());
        }
    }
}
