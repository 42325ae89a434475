package org.bianmin.hotline.application;

/** A ticket kept changing under a read-modify-write; the caller may retry later. */
final class ConcurrentTicketUpdateException extends RuntimeException {

    public ConcurrentTicketUpdateException(String trackingNumber) {
        super("ticket " + trackingNumber + " kept changing; retry later");
    }
}
