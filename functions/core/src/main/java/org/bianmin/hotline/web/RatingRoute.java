package org.bianmin.hotline.web;

import java.util.Set;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bianmin.http.ApiException;
import org.bianmin.http.Access;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.RateLimiter;
import org.bianmin.http.RequestBodies;
import org.bianmin.hotline.application.RatingTicket;
import org.bianmin.hotline.application.TicketStore;
import org.bianmin.hotline.application.TrackingCodeLockout;
import org.bianmin.hotline.application.TransitionRefusedException;

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
    public Set<Integer> statuses() {
        return Set.of(200, 400, 404, 409, 429);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        RatingBody body = RequestBodies.bind(request, RatingBody.class);
        var ticket = access.require(request, body.code());
        try {
            return HttpResponse.json(200, RequestStatusRoute.view(
                    rating.rate(ticket, body.rating(), body.comment(), Boolean.TRUE.equals(body.reopen()))));
        } catch (TransitionRefusedException e) {
            throw new ApiException(409, e.reason().name(), e.getMessage());
        }
    }

    /** The body of the rating route; the tracking code is checked by {@link CitizenAccess}. */
    record RatingBody(
            String code,
            @NotNull(message = RATING) @Min(value = 1, message = RATING) @Max(value = 5, message = RATING)
            Integer rating,
            @Size(max = 500, message = "COMMENT_TOO_LONG:评价内容不能超过{max}字。")
            String comment,
            Boolean reopen) {

        private static final String RATING = "INVALID_RATING:请给出1到5之间的满意度评分。";
    }
}
