package org.bianmin.hotline.model;

/** Where the problem is; every part optional. Coordinates are WGS84 and come in pairs. */
public record Location(String address, String community, Double lat, Double lon) {

    public boolean hasCoordinates() {
        return lat != null && lon != null;
    }
}
