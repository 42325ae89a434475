package org.bianmin.hotline.photos;

import java.time.Instant;

/**
 * One photo of a request: its slot (1 to 3), what it is, how big, its SHA-256 (a repeated upload of the same photo
 * is recognised and not stored twice) and when it arrived.
 */
public record StoredPhoto(int slot, String contentType, long size, String sha256, Instant uploadedAt) {

    /** The id in URLs: {@code photo-1}. */
    public String id() {
        return "photo-" + slot;
    }
}
