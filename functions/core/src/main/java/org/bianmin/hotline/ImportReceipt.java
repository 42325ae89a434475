package org.bianmin.hotline;

/**
 * The outcome of importing one historical request: its ticket, and whether this import filed it ({@code created})
 * or found it filed by an earlier run.
 */
public record ImportReceipt(String externalId, String trackingNumber, boolean created, String category,
                            String department, boolean manualTriage) {
}
