package org.bianmin.hotline.application;

import java.util.List;
import org.bianmin.hotline.model.ProtectedPhone;

/** The protected phones of all tickets, for a key rotation: read page by page, replaced one by one. */
public interface StoredPhones {

    /** One ticket's phone as stored, with the ticket version the replacement is conditional on. */
    record Entry(String trackingNumber, long version, ProtectedPhone phone) {
    }

    /** A page of entries and where the next page starts (null after the last page). */
    record Page(List<Entry> entries, String next) {
    }

    /** Up to {@code size} entries after the ticket {@code startAfter} (null: from the beginning). */
    Page page(String startAfter, int size);

    /**
     * Stores {@code replacement} and moves the ticket to the next version, only if the ticket still holds exactly the
     * version, hash and ciphertext of {@code stored}; false if anything changed since it was read.
     */
    boolean replace(Entry stored, ProtectedPhone replacement);
}
