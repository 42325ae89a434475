package org.bianmin.hotline;

import java.util.Optional;

/**
 * The hotline's small read port for other capabilities: the grid of a place, whether a category code exists (so a
 * device rule can be checked at start), and the status of a request.
 */
public interface HotlineDirectory {

    /** The name of the grid (网格) that covers the place, if any. */
    Optional<String> gridAt(String address, String community, Double lat, Double lon);

    /** Whether {@code code} is a category (leaf) of the routing taxonomy. */
    boolean isCategory(String code);

    /** Where a request stands, without personal data. */
    Optional<RequestStatus> status(String trackingNumber);

    /** A request's status as other capabilities may see it. */
    record RequestStatus(String trackingNumber, String status, String department, String dueAt) {
    }
}
