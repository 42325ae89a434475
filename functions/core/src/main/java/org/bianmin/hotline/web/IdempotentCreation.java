package org.bianmin.hotline.web;

import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.bianmin.http.ApiException;
import org.bianmin.http.DependencyUnavailableException;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.store.Idempotency;
import org.bianmin.store.IdempotencyConflictException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The {@code Idempotency-Key} contract of the citizen's filing routes ({@code POST /v1/requests} and
 * {@code .../follow}): the header is required and well formed, the work runs once per key and request, and a
 * conflict is answered as the IETF Idempotency-Key draft answers it (422 for the key reused with another request,
 * 409 while its first use still runs).
 */
final class IdempotentCreation {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,128}");

    private final Idempotency idempotency;

    IdempotentCreation(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    /** The caller's key; a 400 when it is missing or malformed, checked before anything else is read. */
    static String key(HttpRequest request) {
        String key = request.header("idempotency-key").orElseThrow(() -> ApiException.badRequest(
                "IDEMPOTENCY_KEY_REQUIRED", "请在请求头 Idempotency-Key 中提供幂等键（8-128位字母、数字或 _.:-）。"));
        if (!KEY.matcher(key).matches()) {
            throw ApiException.badRequest("INVALID_IDEMPOTENCY_KEY", "Idempotency-Key 格式不正确（8-128位字母、数字或 _.:-）。");
        }
        return key;
    }

    /**
     * A 201 with the JSON {@code work} made once for {@code key} and {@code request} (a repeat gets the stored one).
     * Whatever {@code work} throws passes through unchanged.
     */
    HttpResponse created(String key, String request, Supplier<String> work) {
        try {
            return new HttpResponse(201, Map.of("content-type", HttpResponse.JSON), idempotency.execute(key, request, work));
        } catch (IdempotencyConflictException e) {
            throw switch (e.reason()) {
                case REQUEST_CHANGED -> new ApiException(e.httpStatus(), "IDEMPOTENCY_KEY_REUSED", "该幂等键已用于另一条不同的诉求，请更换幂等键。");
                case IN_PROGRESS -> new ApiException(e.httpStatus(), "REQUEST_IN_PROGRESS", "使用该幂等键的请求正在处理中，请稍后用同一幂等键重试。");
            };
        } catch (SdkException e) {
            throw new DependencyUnavailableException(e.getMessage(), e);
        }
    }
}
