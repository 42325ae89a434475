package org.bianmin.hotline;

/**
 * The hotline's published intake port: the one way any capability (devices, inquiry hand-offs, imports) files a
 * request. The command validates itself; the port classifies (or takes the given category), finds the grid,
 * computes the deadline and stores the ticket.
 */
public interface HotlineIntake {

    IntakeReceipt file(IntakeCommand command);

    /**
     * Files the command once per key, through the shared idempotency store: a repeat under the same key (a queue's
     * retry after a failure, a racing duplicate) returns the first filing's receipt instead of filing again. The key
     * names the cause of the request (a device alarm: device, type and opening time), so the first command filed
     * under it is the request, whatever a later repeat says.
     *
     * @throws org.bianmin.store.IdempotencyConflictException when the first filing under the key is still running
     */
    IntakeReceipt fileOnce(String key, IntakeCommand command);

    /**
     * Files a request received earlier by another system, with its original time and identifier, through the same
     * validation and routing; nothing is notified. A request already imported under the same identifier is not
     * filed again: the receipt names the existing ticket.
     */
    ImportReceipt fileHistorical(HistoricalRequest request);
}
