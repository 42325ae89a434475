package org.bianmin.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The Lambda face of an {@link HttpApi}: an API Gateway HTTP API (payload v2) event in, a v2 response out.
 * Registered as a Spring Cloud Function bean; the AWS adapter's FunctionInvoker calls it.
 */
public final class ApiGatewayHttpFunction implements Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final HttpApi api;

    public ApiGatewayHttpFunction(HttpApi api) {
        this.api = api;
    }

    /** The routes this function serves (checked against template.yaml by the tests). */
    public HttpApi api() {
        return api;
    }

    @Override
    public APIGatewayV2HTTPResponse apply(APIGatewayV2HTTPEvent event) {
        HttpResponse response;
        try {
            response = api.handle(toRequest(event));
        } catch (ApiException e) {
            response = HttpApi.rejected(e, event.getRequestContext() == null ? null : event.getRequestContext().getRequestId());
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }

    static HttpRequest toRequest(APIGatewayV2HTTPEvent event) {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        String method = http != null && http.getMethod() != null ? http.getMethod() : "GET";
        String path = event.getRawPath() != null ? event.getRawPath() : (http != null ? http.getPath() : "/");
        String body = event.getBody();
        if (body != null && event.getIsBase64Encoded()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        String requestId = event.getRequestContext() != null && event.getRequestContext().getRequestId() != null
                ? event.getRequestContext().getRequestId() : UUID.randomUUID().toString();
        Map<String, String> headers = new HashMap<>(HttpRequest.withoutTransportHeaders(
                event.getHeaders() == null ? Map.of() : event.getHeaders()));
        headers.put(HttpRequest.SOURCE_IP, http != null && http.getSourceIp() != null ? http.getSourceIp() : "unknown");
        var authorizer = event.getRequestContext() == null ? null : event.getRequestContext().getAuthorizer();
        if (authorizer != null && authorizer.getJwt() != null && authorizer.getJwt().getClaims() != null) {
            // API Gateway's JWT authorizer has verified the token; its claims reach the routes as headers
            authorizer.getJwt().getClaims().forEach((name, value) -> headers.put(HttpRequest.CLAIM_PREFIX + name, value));
        }
        // The raw query string, decoded like the local runtime does (the first value of a repeated name counts).
        Map<String, String> query = event.getRawQueryString() != null
                ? FormEncoding.decodeQuery(event.getRawQueryString())
                : event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
        return new HttpRequest(method, path, headers, query, body, requestId, Map.of());
    }
}
