package org.bianmin.http;

import java.util.Locale;

/**
 * The one error shape of the API: RFC 9457 problem details ({@code application/problem+json}) with the stable
 * error {@code code} and the request id as extensions. {@code detail} is Chinese because citizens and agents read it.
 *
 * <p>Clients written for the earlier shape {@code {"error":{"code","message"}}} keep working for one release:
 * the same values are also in {@code error} (deprecated; see docs/design.md, "The HTTP edge").
 */
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      String requestId, LegacyError error) {

    public static final String CONTENT_TYPE = "application/problem+json; charset=utf-8";

    /** The earlier error shape, kept beside the problem fields for one release. */
    public record LegacyError(String code, String message) {
    }

    /**
     * The problem of one request. {@code instance} names the occurrence by its request id, not by its path: a 404
     * for an unknown tracking number must read exactly like a 404 for a wrong code, so the path cannot be in it.
     */
    public static Problem of(int status, String code, String detail, String requestId) {
        return new Problem(typeOf(code), title(status), status, detail,
                requestId == null ? null : "urn:bianmin:request:" + requestId, code, requestId, new LegacyError(code, detail));
    }

    /** A problem type per error code: a URN, so that it names the kind of problem without promising a web page. */
    static String typeOf(String code) {
        return "urn:bianmin:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The short, fixed summary of a status, in Chinese like the detail. */
    static String title(int status) {
        return switch (status) {
            case 400 -> "请求有误";
            case 401 -> "未登录或登录已失效";
            case 403 -> "无权进行此操作";
            case 404 -> "未找到";
            case 405 -> "不支持该请求方法";
            case 409 -> "与当前状态冲突";
            case 413 -> "请求体过大";
            case 414 -> "请求地址过长";
            case 422 -> "无法处理该请求";
            case 423 -> "已被暂时锁定";
            case 429 -> "请求过于频繁";
            case 503 -> "服务暂时不可用";
            default -> status >= 500 ? "系统内部错误" : "请求无法完成";
        };
    }
}
