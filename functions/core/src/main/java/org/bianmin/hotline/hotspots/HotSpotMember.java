package org.bianmin.hotline.hotspots;

import java.time.Instant;

/**
 * One ticket of a hot spot: its tracking number, its identifier in an earlier system (imported tickets), when it was
 * received, its likes there, and who reported it ({@code reporter}: the keyed hash of the caller's phone, or the
 * tracking number itself when the caller is unknown, so that unknown callers each count once).
 */
public record HotSpotMember(String trackingNumber, String externalId, Instant at, int likes, String reporter) {
}
