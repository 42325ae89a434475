package org.bianmin.devices.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which event times are believed: from {@code beforeArrival} before the payload arrived (devices and gateways that
 * were offline send what they buffered) to {@code afterArrival} after it (clock drift). A time outside is a wrong
 * clock or a forged payload: it would open alarms for 1970 or 2099 and move "last heard" to nonsense.
 */
public record EventTimeWindow(Duration beforeArrival, Duration afterArrival) {

    /** Why {@code eventTime} is not believed for a payload that arrived at {@code arrival}; empty when it is. */
    public Optional<String> problem(Instant eventTime, Instant arrival) {
        if (eventTime.isBefore(arrival.minus(beforeArrival))) {
            return Optional.of("timestamp " + eventTime + " is more than " + describe(beforeArrival) + " before arrival " + arrival);
        }
        if (eventTime.isAfter(arrival.plus(afterArrival))) {
            return Optional.of("timestamp " + eventTime + " is more than " + describe(afterArrival) + " after arrival " + arrival);
        }
        return Optional.empty();
    }

    private static String describe(Duration duration) {
        return duration.toMinutes() % 60 == 0 ? duration.toHours() + " h" : duration.toMinutes() + " min";
    }
}
