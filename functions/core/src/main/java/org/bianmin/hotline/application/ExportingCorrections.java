package org.bianmin.hotline.application;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.bianmin.hotline.model.PublicRedactor;
import org.bianmin.hotline.model.Ticket;

/**
 * The dispatchers' corrections as training rows for {@code train-router}: every ticket created in the range that a
 * dispatcher routed elsewhere than the router suggested, labelled with its final domain and category, its text
 * without phone or ID numbers, names or house numbers ({@link PublicRedactor}): the rows leave the system that
 * protects them, into files people pass around.
 */
public final class ExportingCorrections {

    /** One JSON Lines row as {@code train-router} reads it; {@code category} is the taxonomy leaf's code. */
    public record TrainingRow(String text, String label, String category) {
    }

    private final TicketStore tickets;

    public ExportingCorrections(TicketStore tickets) {
        this.tickets = tickets;
    }

    public List<TrainingRow> export(LocalDate from, LocalDate to) {
        return AssessingRoutingQuality.ticketsCreated(tickets, from, to).stream()
                .filter(Ticket::corrected)
                .sorted(Comparator.comparing(Ticket::createdAt))
                .map(t -> new TrainingRow(PublicRedactor.text(t.text()), t.domain(), t.categoryCode()))
                .toList();
    }
}
