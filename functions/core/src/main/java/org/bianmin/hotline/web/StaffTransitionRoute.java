package org.bianmin.hotline.web;

import java.util.Set;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import org.bianmin.http.ApiException;
import org.bianmin.http.Access;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.RequestBodies;
import org.bianmin.hotline.application.TransitionRefusedException;
import org.bianmin.hotline.application.TransitioningTicket;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.hotline.model.TicketAction;

/**
 * {@code POST /v1/staff/requests/{trackingNumber}/transitions} {@code {"action","note","department"?,"categoryCode"?}}:
 * a staff action on a ticket; a dispatch may also correct the category (a taxonomy leaf code, which brings its
 * domain and, unless {@code department} is given, its department). 401 without a token, 400 for a missing note,
 * a dispatch to a department or category that does not exist (the message lists the departments that do; the
 * ticket is unchanged) or a category given with another action, 403 for another department's ticket or a
 * dispatch-only action, 404 for an unknown ticket, 409 for an illegal transition or a lost race.
 */
public final class StaffTransitionRoute implements HttpRoute {

    private final TransitioningTicket transitions;

    public StaffTransitionRoute(TransitioningTicket transitions) {
        this.transitions = transitions;
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
        return "/v1/staff/requests/{trackingNumber}/transitions";
    }

    @Override
    public Set<Integer> statuses() {
        return Set.of(200, 400, 403, 404, 409);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        StaffMember actor = StaffAuthentication.require(request);
        TransitionBody body = RequestBodies.bind(request, TransitionBody.class);
        TicketAction action = TicketAction.fromWireName(body.action()).orElseThrow();
        try {
            return HttpResponse.json(200, RequestStatusRoute.staffView(transitions.transition(
                    request.pathParameter("trackingNumber"), action, body.note(), body.department(), body.categoryCode(), actor)));
        } catch (TransitionRefusedException e) {
            int status = switch (e.reason()) {
                case NOT_FOUND -> 404;
                case FORBIDDEN -> 403;
                case NOTE_REQUIRED, UNKNOWN_DEPARTMENT, UNKNOWN_CATEGORY -> 400;
                case ILLEGAL_TRANSITION, CONCURRENT_UPDATE -> 409;
            };
            throw new ApiException(status, e.reason().name(), e.getMessage());
        }
    }

    /** The body of a staff transition; whether the note is required depends on the action (the service decides). */
    record TransitionBody(
            String action,
            @Size(max = 1000, message = "NOTE_TOO_LONG:说明不能超过{max}字。")
            String note,
            String department,
            @Size(max = 64, message = "INVALID_CATEGORY:categoryCode 不能超过{max}个字符。")
            String categoryCode) {

        @AssertTrue(message = "INVALID_ACTION:action 只能是 dispatch、accept、start、resolve、close、reject、escalate 或 reopen。")
        boolean isKnownAction() {
            return TicketAction.fromWireName(action).isPresent();
        }
    }
}
