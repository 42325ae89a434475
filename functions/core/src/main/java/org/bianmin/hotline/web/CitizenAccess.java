package org.bianmin.hotline.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bianmin.http.ApiException;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.RateLimiter;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.TicketStore;
import org.bianmin.hotline.model.Ticket;

/**
 * A citizen proves access to a request with its tracking number and verification code. A wrong code answers
 * exactly like an unknown number (404), and attempts are rate limited per client address.
 */
final class CitizenAccess {

    private static final Pattern TRACKING_NUMBER = Pattern.compile("BM\\d{12}");

    private final TicketStore tickets;
    private final RateLimiter limiter;

    CitizenAccess(TicketStore tickets, RateLimiter limiter) {
        this.tickets = tickets;
        this.limiter = limiter;
    }

    Ticket require(HttpRequest request, String code) {
        if (!limiter.tryAcquire(request.sourceIp())) {
            throw new ApiException(429, "TOO_MANY_REQUESTS", "查询过于频繁，请稍后再试。");
        }
        if (code == null || code.isBlank()) {
            throw ApiException.badRequest("CODE_REQUIRED", "请提供查询码（受理时告知的6位数字）。");
        }
        String trackingNumber = request.pathParameter("trackingNumber");
        Optional<Ticket> ticket = TRACKING_NUMBER.matcher(trackingNumber).matches()
                ? tickets.find(trackingNumber) : Optional.empty();
        if (ticket.isEmpty() || !MessageDigest.isEqual(ticket.get().verificationHash().getBytes(StandardCharsets.UTF_8),
                FilingRequest.verificationHash(trackingNumber, code).getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(404, "NOT_FOUND", "未找到该诉求，请核对受理编号和查询码。");
        }
        return ticket.get();
    }
}
