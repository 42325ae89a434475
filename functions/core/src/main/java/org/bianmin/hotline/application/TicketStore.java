package org.bianmin.hotline.application;

import java.util.Optional;
import org.bianmin.hotline.model.Ticket;

/** Where tickets live (DynamoDB). */
public interface TicketStore {

    /** Stores a new ticket; false when the tracking number is already taken (the caller draws another). */
    boolean create(Ticket ticket);

    Optional<Ticket> find(String trackingNumber);
}
