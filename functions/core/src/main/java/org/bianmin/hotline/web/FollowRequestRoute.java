package org.bianmin.hotline.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bianmin.hotline.IntakeReceipt;
import org.bianmin.hotline.application.NewRequest;
import org.bianmin.hotline.model.Incident;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.hotline.similarity.FollowingSimilarRequest;
import org.bianmin.http.Access;
import org.bianmin.http.ApiException;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.Json;
import org.bianmin.store.Idempotency;

/**
 * {@code POST /v1/requests/{trackingNumber}/follow} with an {@code Idempotency-Key} header and the body of
 * {@code POST /v1/requests}: instead of a separate request, the citizen follows an open request the similar preview
 * offered them. Their own request is filed (201 with their own receipt: tracking number and code, so they look up
 * the status and get the return visit) and linked into the followed request's incident, whose status it then
 * follows; {@code incidentId} is null when the link could not be made (the request is filed all the same). 409
 * {@code NOT_SIMILAR} when the ticket is not among the open requests the preview offers for these words (or does
 * not exist): nothing is filed. Public like filing; idempotent per key like filing.
 */
public final class FollowRequestRoute implements HttpRoute {

    private static final java.time.format.DateTimeFormatter OFFSET_TIME =
            java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(WorkingCalendar.ZONE);
    private static final Pattern TRACKING_NUMBER = Pattern.compile("BM\\d{12}");

    private final FollowingSimilarRequest following;
    private final IdempotentCreation idempotency;

    public FollowRequestRoute(FollowingSimilarRequest following, Idempotency idempotency) {
        this.following = following;
        this.idempotency = new IdempotentCreation(idempotency);
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
        return "/v1/requests/{trackingNumber}/follow";
    }

    @Override
    public Set<Integer> statuses() {
        return Set.of(201, 400, 409, 422);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        String key = IdempotentCreation.key(request);
        String followed = request.pathParameter("trackingNumber");
        if (!TRACKING_NUMBER.matcher(followed).matches()) {
            throw ApiException.badRequest("INVALID_TRACKING_NUMBER", "受理编号格式不正确。");
        }
        NewRequest newRequest = IntakeRoute.parse(request);
        try {
            return idempotency.created("follow:" + key, followed + "\n" + request.body(),
                    () -> Json.write(view(following.follow(followed, newRequest))));
        } catch (FollowingSimilarRequest.NotFollowableException e) {
            throw new ApiException(409, "NOT_SIMILAR", "该诉求不在与您描述相近的正在办理诉求中，请直接提交新诉求。");
        }
    }

    private static Map<String, Object> view(FollowingSimilarRequest.Followed followed) {
        IntakeReceipt receipt = followed.receipt();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("trackingNumber", receipt.trackingNumber());
        view.put("verificationCode", receipt.verificationCode());
        Incident incident = followed.incident();
        // once linked, the request stands where the incident stands
        view.put("status", incident == null ? receipt.status() : incident.status().name());
        view.put("department", incident == null ? receipt.department() : incident.department());
        view.put("dueAt", incident == null ? receipt.dueAt() : OFFSET_TIME.format(incident.dueAt()));
        view.put("follows", followed.followed());
        view.put("incidentId", incident == null ? null : incident.id());
        return view;
    }
}
