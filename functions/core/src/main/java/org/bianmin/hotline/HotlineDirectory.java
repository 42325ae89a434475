package org.bianmin.hotline;

import java.util.Optional;

/**
 * The hotline's small read port for other capabilities: the grid of a place, and whether a category code exists
 * (so a device rule can be checked at start). It reads only reference data (taxonomy, grids), never the tickets
 * table, so a function that only needs these holds no ticket permissions.
 */
public interface HotlineDirectory {

    /** The name of the grid (网格) that covers the place, if any. */
    Optional<String> gridAt(String address, String community, Double lat, Double lon);

    /** Whether {@code code} is a category (leaf) of the routing taxonomy. */
    boolean isCategory(String code);

}
