package org.bianmin.hotline.model;

/**
 * A phone number as stored: a keyed hash to find a caller's tickets, the masked form for staff, and the
 * ciphertext only the return-visit (回访) process may decrypt.
 */
public record ProtectedPhone(String hash, String masked, String ciphertext) {
}
