package org.bianmin.hotline.web;

import java.util.Set;
import java.util.Map;
import java.util.regex.Pattern;
import org.bianmin.http.ApiException;
import org.bianmin.http.DependencyUnavailableException;
import org.bianmin.http.Access;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.Json;
import org.bianmin.http.RequestBodies;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.IntakeCommand;
import org.bianmin.hotline.InvalidIntakeCommandException;
import org.bianmin.hotline.application.HotlineIntakeService;
import org.bianmin.hotline.application.NewRequest;
import org.bianmin.store.Idempotency;
import org.bianmin.store.IdempotencyConflictException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code POST /v1/requests} with an {@code Idempotency-Key} header: validates, files the request once per key and
 * returns 201 with the receipt. The same key and body (the same JSON, whatever its key order) return the same
 * receipt, also when two calls race; the same key with another body is a 422, and a repeat while the first call
 * is still running past the in-flight wait is a 409 (as the IETF Idempotency-Key draft answers). Rejected input
 * stores nothing.
 */
public final class IntakeRoute implements HttpRoute {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,128}");

    private final FilingRequest filing;
    private final Idempotency idempotency;

    public IntakeRoute(FilingRequest filing, Idempotency idempotency) {
        this.filing = filing;
        this.idempotency = idempotency;
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
        return "/v1/requests";
    }

    @Override
    public Set<Integer> statuses() {
        return Set.of(201, 400, 409, 422);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        String key = request.header("idempotency-key").orElseThrow(() -> ApiException.badRequest(
                "IDEMPOTENCY_KEY_REQUIRED", "请在请求头 Idempotency-Key 中提供幂等键（8-128位字母、数字或 _.:-）。"));
        if (!KEY.matcher(key).matches()) {
            throw ApiException.badRequest("INVALID_IDEMPOTENCY_KEY", "Idempotency-Key 格式不正确（8-128位字母、数字或 _.:-）。");
        }
        NewRequest newRequest = parse(request);
        try {
            String receipt = idempotency.execute("requests:" + key, request.body(),
                    () -> Json.write(filing.file(newRequest)));
            return new HttpResponse(201, Map.of("content-type", HttpResponse.JSON), receipt);
        } catch (IdempotencyConflictException e) {
            throw switch (e.reason()) {
                case REQUEST_CHANGED -> new ApiException(e.httpStatus(), "IDEMPOTENCY_KEY_REUSED", "该幂等键已用于另一条不同的诉求，请更换幂等键。");
                case IN_PROGRESS -> new ApiException(e.httpStatus(), "REQUEST_IN_PROGRESS", "使用该幂等键的请求正在处理中，请稍后用同一幂等键重试。");
            };
        } catch (SdkException e) {
            throw new DependencyUnavailableException(e.getMessage(), e);
        }
    }

    /**
     * The body of {@code POST /v1/requests}. JSON types are checked by binding; the rules (lengths, phone, channel,
     * coordinates) by the intake command itself, the same for every channel.
     */
    /**
     * {@code urgent: true} when the citizen accepts the URGENT request an emergency reply offered. Anyone may ask;
     * the ticket's history says it was asked, so the dispatch centre sees why the deadline is 24 hours.
     */
    record IntakeBody(String text, String phone, Place location, String channel, String sessionId, Boolean urgent) {

        record Place(String address, String community, Double lat, Double lon) {
        }

        IntakeCommand toCommand() {
            Place place = location == null ? new Place(null, null, null, null) : location;
            return new IntakeCommand(text, phone, place.address(), place.community(), place.lat(), place.lon(),
                    channel, sessionId, null, Boolean.TRUE.equals(urgent));
        }
    }

    static NewRequest parse(HttpRequest request) {
        try {
            return HotlineIntakeService.newRequest(RequestBodies.bind(request, IntakeBody.class).toCommand());
        } catch (InvalidIntakeCommandException e) {
            throw ApiException.badRequest(e.code(), e.getMessage());
        }
    }
}
