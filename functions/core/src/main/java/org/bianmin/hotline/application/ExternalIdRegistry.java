package org.bianmin.hotline.application;

import java.util.Optional;

/**
 * Which tracking number each imported request's external id was given. DynamoDB cannot make an index attribute
 * unique, so the import claims the id here (a conditional write) before it files the ticket: two runs, or two
 * concurrent batches, of the same rows file each row once.
 */
public interface ExternalIdRegistry {

    Optional<String> trackingNumberOf(String externalId);

    /** Claims the id for the tracking number; false when it is already claimed. */
    boolean claim(String externalId, String trackingNumber);

    /** Moves the claim to another tracking number if it still names {@code from}; false otherwise. */
    boolean move(String externalId, String from, String to);
}
