package org.bianmin.store;

/**
 * A page cursor that this listing did not issue: garbled, edited, or issued for another query (another route,
 * other filters, another caller's scope). The caller gets a 400 and nothing is read.
 */
public final class InvalidCursorException extends RuntimeException {

    public InvalidCursorException(String reason) {
        super(reason);
    }
}
