package org.bianmin.hotline.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * After {@code maxFailures} wrong codes for one ticket, the ticket answers no code at all, the right one included,
 * for {@code lockFor}. Per-address rate limits alone do not stop guessing from many addresses or many Lambda
 * instances; a count on the ticket does. With 10 guesses per 15 minutes, a 6-digit code takes years to guess.
 */
public final class TrackingCodeLockout {

    public static final int MAX_FAILURES = 10;
    public static final Duration LOCK_FOR = Duration.ofMinutes(15);

    private final CodeAttempts attempts;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockFor;

    public TrackingCodeLockout(CodeAttempts attempts, Clock clock) {
        this(attempts, clock, MAX_FAILURES, LOCK_FOR);
    }

    public TrackingCodeLockout(CodeAttempts attempts, Clock clock, int maxFailures, Duration lockFor) {
        this.attempts = attempts;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockFor = lockFor;
    }

    /** The ticket's attempts so far: read once per lookup, then given to the other methods. */
    public CodeAttempts.State state(String trackingNumber) {
        return attempts.state(trackingNumber);
    }

    /** How long the ticket stays locked, if it is locked now. */
    public Optional<Duration> remainingLock(CodeAttempts.State state) {
        Instant now = clock.instant();
        return state.lockedUntil().filter(now::isBefore).map(until -> Duration.between(now, until));
    }

    /** Counts a wrong code; returns the lock it caused, if this one reached the limit. */
    public Optional<Duration> wrongCode(String trackingNumber) {
        if (attempts.failed(trackingNumber) < maxFailures) {
            return Optional.empty();
        }
        attempts.lock(trackingNumber, clock.instant().plus(lockFor));
        return Optional.of(lockFor);
    }

    /** A right code: forgets earlier wrong ones (a write only when there were any). */
    public void rightCode(String trackingNumber, CodeAttempts.State state) {
        if (state.failures() > 0) {
            attempts.succeeded(trackingNumber);
        }
    }
}
