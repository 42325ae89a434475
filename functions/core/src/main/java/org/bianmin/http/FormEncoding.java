package org.bianmin.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} text: query strings (in Lambda and locally alike) and form
 * bodies (Open311). A broken percent escape such as {@code %zz} is the caller's mistake: a 400, never a 500. When a
 * name repeats, the first value counts.
 */
public final class FormEncoding {

    /** Near API Gateway's own limit (10 KB for the request line and headers together), the same in both transports. */
    public static final int MAX_QUERY_LENGTH = 8 * 1024;

    private FormEncoding() {
    }

    /**
     * A request's raw query string, decoded.
     *
     * @throws ApiException 414 {@code QUERY_TOO_LONG} past {@link #MAX_QUERY_LENGTH}, 400 on a broken escape
     */
    public static Map<String, String> decodeQuery(String raw) {
        if (raw != null && raw.length() > MAX_QUERY_LENGTH) {
            throw new ApiException(414, "QUERY_TOO_LONG", "查询参数过长，不能超过" + MAX_QUERY_LENGTH + "个字符。");
        }
        return decode(raw);
    }

    /** @throws ApiException 400 {@code MALFORMED_ENCODING} on a broken percent escape */
    public static Map<String, String> decode(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            values.putIfAbsent(component(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : component(pair.substring(eq + 1)));
        }
        return values;
    }

    private static String component(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("MALFORMED_ENCODING", "请求中的百分号编码（%）不正确，请检查参数的 URL 编码。");
        }
    }
}
