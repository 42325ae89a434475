package org.bianmin.http;

import java.util.Optional;

/**
 * The paging parameters every listing takes: {@code limit} (how many items, 1 to the listing's maximum, its default
 * when absent) and {@code cursor} (the {@code nextCursor} of the previous page, opaque to clients). A bad value is a
 * 400 before anything is read.
 *
 * @param limit how many items to return at most
 * @param cursor the cursor to continue from, or null for the first page
 */
public record Paging(int limit, String cursor) {

    /** The longest cursor accepted; real ones are a few hundred characters. */
    static final int MAX_CURSOR = 2048;

    public static Paging of(HttpRequest request, int defaultLimit, int maxLimit) {
        return new Paging(limit(request, defaultLimit, maxLimit), cursor(request).orElse(null));
    }

    private static int limit(HttpRequest request, int defaultLimit, int maxLimit) {
        Optional<String> raw = request.queryParameter("limit");
        if (raw.isEmpty()) {
            return defaultLimit;
        }
        String message = "limit 须为1到" + maxLimit + "之间的整数（默认" + defaultLimit + "）。";
        if (!raw.get().matches("[0-9]{1,4}")) {
            throw ApiException.badRequest("INVALID_LIMIT", message);
        }
        int limit = Integer.parseInt(raw.get());
        if (limit < 1 || limit > maxLimit) {
            throw ApiException.badRequest("INVALID_LIMIT", message);
        }
        return limit;
    }

    private static Optional<String> cursor(HttpRequest request) {
        Optional<String> cursor = request.queryParameter("cursor");
        if (cursor.isPresent() && (cursor.get().isEmpty() || cursor.get().length() > MAX_CURSOR)) {
            throw invalidCursor();
        }
        return cursor;
    }

    /** The answer to a cursor this listing did not issue (garbled, edited, or from another query). */
    public static ApiException invalidCursor() {
        return ApiException.badRequest("INVALID_CURSOR", "cursor 无效：请使用上一页返回的 nextCursor，且查询条件须与上一页相同。");
    }
}
