package org.bianmin.hotline.web;

import java.util.Map;
import java.util.regex.Pattern;
import org.bianmin.http.ApiException;
import org.bianmin.http.DependencyUnavailableException;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.Json;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.IntakeCommand;
import org.bianmin.hotline.InvalidIntakeCommandException;
import org.bianmin.hotline.application.HotlineIntakeService;
import org.bianmin.hotline.application.NewRequest;
import org.bianmin.store.DynamoIdempotency;
import org.bianmin.store.IdempotencyConflictException;
import software.amazon.awssdk.core.exception.SdkException;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/requests} with an {@code Idempotency-Key} header: validates, files the request once per key and
 * returns 201 with the receipt. The same key and body return the same receipt, also when two calls race; the same
 * key with another body is a 409. Rejected input stores nothing.
 */
public final class IntakeRoute implements HttpRoute {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,128}");

    private final FilingRequest filing;
    private final DynamoIdempotency idempotency;

    public IntakeRoute(FilingRequest filing, DynamoIdempotency idempotency) {
        this.filing = filing;
        this.idempotency = idempotency;
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
    public HttpResponse handle(HttpRequest request) {
        String key = request.header("idempotency-key").orElseThrow(() -> ApiException.badRequest(
                "IDEMPOTENCY_KEY_REQUIRED", "请在请求头 Idempotency-Key 中提供幂等键（8-128位字母、数字或 _.:-）。"));
        if (!KEY.matcher(key).matches()) {
            throw ApiException.badRequest("INVALID_IDEMPOTENCY_KEY", "Idempotency-Key 格式不正确（8-128位字母、数字或 _.:-）。");
        }
        NewRequest newRequest = parse(Json.objectBody(request));
        try {
            String receipt = idempotency.execute("requests:" + key, request.body(),
                    () -> Json.write(filing.file(newRequest)));
            return new HttpResponse(201, Map.of("content-type", HttpResponse.JSON), receipt);
        } catch (IdempotencyConflictException e) {
            throw new ApiException(409, "IDEMPOTENCY_KEY_REUSED", "该幂等键已用于另一条不同的诉求，请更换幂等键。");
        } catch (SdkException e) {
            throw new DependencyUnavailableException(e.getMessage(), e);
        }
    }

    /** The body as an intake command: JSON shapes are checked here, the rules by the command itself. */
    static NewRequest parse(JsonNode body) {
        JsonNode location = body.get("location");
        if (location != null && !location.isNull() && !location.isObject()) {
            throw ApiException.badRequest("INVALID_LOCATION", "location 必须是对象：{\"address\",\"community\",\"lat\",\"lon\"}。");
        }
        boolean hasLocation = location != null && location.isObject();
        try {
            return HotlineIntakeService.newRequest(new IntakeCommand(Json.optionalString(body, "text"),
                    Json.optionalString(body, "phone"),
                    hasLocation ? Json.optionalString(location, "address") : null,
                    hasLocation ? Json.optionalString(location, "community") : null,
                    hasLocation ? coordinate(location, "lat", 90) : null,
                    hasLocation ? coordinate(location, "lon", 180) : null,
                    Json.optionalString(body, "channel"), Json.optionalString(body, "sessionId"), null, urgent(body)));
        } catch (InvalidIntakeCommandException e) {
            throw ApiException.badRequest(e.code(), e.getMessage());
        }
    }

    /**
     * {@code urgent: true} when the citizen accepts the URGENT request an emergency reply offered. Anyone may ask;
     * the ticket's history says it was asked, so the dispatch centre sees why the deadline is 24 hours.
     */
    private static boolean urgent(JsonNode body) {
        JsonNode value = body.get("urgent");
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest("INVALID_URGENT", "urgent 只能是 true 或 false。");
        }
        return value.booleanValue();
    }

    private static Double coordinate(JsonNode node, String field, double limit) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw ApiException.badRequest("INVALID_LOCATION", field + " 必须是 -" + (int) limit + " 到 " + (int) limit + " 之间的数字。");
        }
        return value.doubleValue();
    }
}
