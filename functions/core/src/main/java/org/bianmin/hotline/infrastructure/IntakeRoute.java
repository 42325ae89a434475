package org.bianmin.hotline.infrastructure;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bianmin.api.ApiException;
import org.bianmin.api.DependencyUnavailableException;
import org.bianmin.api.HttpRequest;
import org.bianmin.api.HttpResponse;
import org.bianmin.api.HttpRoute;
import org.bianmin.api.Json;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.NewRequest;
import org.bianmin.hotline.model.Location;
import org.bianmin.hotline.model.PhoneNumber;
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

    static final Set<String> CHANNELS = Set.of("phone", "chatbot", "api", "open311", "device");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,128}");
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

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

    static NewRequest parse(JsonNode body) {
        String text = Json.optionalString(body, "text");
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("TEXT_REQUIRED", "请填写诉求内容。");
        }
        text = text.strip();
        int length = text.codePointCount(0, text.length());
        if (length < ClassifyRoute.MIN_TEXT || length > ClassifyRoute.MAX_TEXT) {
            throw ApiException.badRequest("TEXT_LENGTH", "诉求内容应为" + ClassifyRoute.MIN_TEXT + "到" + ClassifyRoute.MAX_TEXT + "个字。");
        }
        String rawPhone = Json.optionalString(body, "phone");
        if (rawPhone == null || rawPhone.isBlank()) {
            throw ApiException.badRequest("PHONE_REQUIRED", "请填写联系电话，以便回访。");
        }
        PhoneNumber phone = PhoneNumber.parse(rawPhone).orElseThrow(() -> ApiException.badRequest("INVALID_PHONE",
                "联系电话格式不正确，请填写11位手机号或带区号的固定电话（如 0574-87654321）。"));
        String channel = Json.optionalString(body, "channel");
        channel = channel == null ? "api" : channel;
        if (!CHANNELS.contains(channel)) {
            throw ApiException.badRequest("INVALID_CHANNEL", "channel 只能是 phone、chatbot、api、open311 或 device。");
        }
        String sessionId = Json.optionalString(body, "sessionId");
        if (sessionId != null && !SESSION_ID.matcher(sessionId).matches()) {
            throw ApiException.badRequest("INVALID_SESSION_ID", "sessionId 格式不正确（8-64位字母、数字、- 或 _）。");
        }
        return new NewRequest(text, phone, location(body.get("location")), channel, sessionId);
    }

    private static Location location(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("INVALID_LOCATION", "location 必须是对象：{\"address\",\"community\",\"lat\",\"lon\"}。");
        }
        String address = Json.optionalString(node, "address");
        String community = Json.optionalString(node, "community");
        if (address != null && address.length() > 200 || community != null && community.length() > 50) {
            throw ApiException.badRequest("INVALID_LOCATION", "地址不能超过200字，社区名称不能超过50字。");
        }
        Double lat = coordinate(node, "lat", 90);
        Double lon = coordinate(node, "lon", 180);
        if ((lat == null) != (lon == null)) {
            throw ApiException.badRequest("INVALID_LOCATION", "经纬度 lat 和 lon 需要同时提供。");
        }
        return new Location(blankToNull(address), blankToNull(community), lat, lon);
    }

    private static Double coordinate(JsonNode node, String field, double limit) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || Math.abs(value.doubleValue()) > limit || Double.isNaN(value.doubleValue())) {
            throw ApiException.badRequest("INVALID_LOCATION", field + " 必须是 -" + (int) limit + " 到 " + (int) limit + " 之间的数字。");
        }
        return value.doubleValue();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
