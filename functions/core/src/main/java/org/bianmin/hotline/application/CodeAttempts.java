package org.bianmin.hotline.application;

import java.time.Instant;
import java.util.Optional;

/**
 * Wrong tracking-code guesses per ticket, kept on the ticket's item in the tickets table so that every Lambda
 * instance (and every client address) counts against the same number. See {@link TrackingCodeLockout}.
 */
public interface CodeAttempts {

    /** Wrong codes counted so far, and the lock if one is set (it may have run out). */
    record State(int failures, Optional<Instant> lockedUntil) {
    }

    /** The ticket's count and lock, read in one go. */
    State state(String trackingNumber);

    /** Counts a wrong code; returns the count including this one. */
    int failed(String trackingNumber);

    /** Locks the ticket until the given time and starts counting from zero again. */
    void lock(String trackingNumber, Instant until);

    /** A right code after wrong ones: forgets them. */
    void succeeded(String trackingNumber);
}
