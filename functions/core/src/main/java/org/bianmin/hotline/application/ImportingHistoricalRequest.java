package org.bianmin.hotline.application;

import java.util.Optional;
import java.util.function.Supplier;
import org.bianmin.hotline.HistoricalRequest;
import org.bianmin.hotline.ImportReceipt;
import org.bianmin.hotline.classification.Classification;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketOrigin;

/**
 * Imports one historical request exactly once per external id: claims the id for a fresh tracking number, then
 * files the ticket under it. A rerun finds the claim and the ticket and files nothing; a run that stopped between
 * claim and filing is completed by the next one; a tracking number taken meanwhile by another ticket is replaced.
 */
public final class ImportingHistoricalRequest {

    private static final int ATTEMPTS = 5;

    private final FilingRequest filing;
    private final TicketStore tickets;
    private final ExternalIdRegistry externalIds;

    public ImportingHistoricalRequest(FilingRequest filing, TicketStore tickets, ExternalIdRegistry externalIds) {
        this.filing = filing;
        this.tickets = tickets;
        this.externalIds = externalIds;
    }

    /** Imports the request; {@code route} is asked only when the request is really filed. */
    public ImportReceipt file(HistoricalRequest historical, NewRequest request, Supplier<Classification> route) {
        String externalId = historical.externalId();
        TicketOrigin origin = new TicketOrigin(externalId, historical.likes());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String number;
            Optional<String> claimed = externalIds.trackingNumberOf(externalId);
            if (claimed.isPresent()) {
                Optional<Ticket> existing = tickets.find(claimed.get());
                if (existing.isPresent() && externalId.equals(existing.get().externalId())) {
                    return receipt(existing.get(), false);
                }
                number = claimed.get();
                if (existing.isPresent()) {
                    // the reserved number went to another ticket before ours was written: reserve another
                    number = filing.trackingNumber(historical.receivedAt());
                    if (!externalIds.move(externalId, claimed.get(), number)) {
                        continue;
                    }
                }
            } else {
                number = filing.trackingNumber(historical.receivedAt());
                if (!externalIds.claim(externalId, number)) {
                    continue; // a concurrent import claimed it first: read its claim
                }
            }
            Optional<Ticket> filed = filing.fileHistorical(request, route.get(), historical.receivedAt(), origin,
                    historical.importedBy(), number);
            if (filed.isPresent()) {
                return receipt(filed.get(), true);
            }
        }
        throw new IllegalStateException("could not file external id " + externalId + " in " + ATTEMPTS + " attempts");
    }

    private static ImportReceipt receipt(Ticket ticket, boolean created) {
        return new ImportReceipt(ticket.externalId(), ticket.trackingNumber(), created, ticket.category(),
                ticket.department(), ticket.manualTriage());
    }
}
