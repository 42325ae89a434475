package org.bianmin.hotline.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bianmin.http.ApiException;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.RateLimiter;
import org.bianmin.hotline.application.CodeAttempts;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.TicketStore;
import org.bianmin.hotline.application.TrackingCodeLockout;
import org.bianmin.hotline.model.Ticket;

/**
 * A citizen proves access to a request with its tracking number and verification code. A wrong code answers
 * exactly like an unknown number (404). Attempts are rate limited per client address (in this instance), and each
 * ticket locks after too many wrong codes whatever their address or instance ({@link TrackingCodeLockout}): while
 * locked it answers 429 with {@code Retry-After}, the right code included.
 */
final class CitizenAccess {

    private static final Pattern TRACKING_NUMBER = Pattern.compile("BM\\d{12}");

    private final TicketStore tickets;
    private final RateLimiter limiter;
    private final TrackingCodeLockout lockout;

    CitizenAccess(TicketStore tickets, RateLimiter limiter, TrackingCodeLockout lockout) {
        this.tickets = tickets;
        this.limiter = limiter;
        this.lockout = lockout;
    }

    Ticket require(HttpRequest request, String code) {
        limiter.admit(request, "查询过于频繁，请稍后再试。");
        if (code == null || code.isBlank()) {
            throw ApiException.badRequest("CODE_REQUIRED", "请提供查询码（受理时告知的6位数字）。");
        }
        String trackingNumber = request.pathParameter("trackingNumber");
        Optional<Ticket> ticket = TRACKING_NUMBER.matcher(trackingNumber).matches()
                ? tickets.find(trackingNumber) : Optional.empty();
        if (ticket.isEmpty()) {
            throw notFound();
        }
        CodeAttempts.State attempts = lockout.state(trackingNumber);
        lockout.remainingLock(attempts).ifPresent(remaining -> {
            throw locked(remaining);
        });
        if (!MessageDigest.isEqual(ticket.get().verificationHash().getBytes(StandardCharsets.UTF_8),
                FilingRequest.verificationHash(trackingNumber, code).getBytes(StandardCharsets.UTF_8))) {
            lockout.wrongCode(trackingNumber).ifPresent(lock -> {
                throw locked(lock);
            });
            throw notFound();
        }
        lockout.rightCode(trackingNumber, attempts);
        return ticket.get();
    }

    private static ApiException notFound() {
        return new ApiException(404, "NOT_FOUND", "未找到该诉求，请核对受理编号和查询码。");
    }

    private static ApiException locked(Duration remaining) {
        long seconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
        return new ApiException(429, "CODE_LOCKED", "查询码错误次数过多，该诉求已暂时锁定，请" + ((seconds + 59) / 60)
                + "分钟后再试，或拨打12345。", Map.of("retry-after", Long.toString(seconds)));
    }
}
