package org.bianmin.platform;

/** The one check of WGS84 coordinates given by a caller: both or neither, latitude within ±90, longitude within ±180. */
public final class Coordinates {

    /** What is wrong with a pair, if anything. */
    public enum Problem { NONE, LATITUDE_OUT_OF_RANGE, LONGITUDE_OUT_OF_RANGE, NOT_A_PAIR }

    private Coordinates() {
    }

    public static Problem check(Double lat, Double lon) {
        if (outside(lat, 90)) {
            return Problem.LATITUDE_OUT_OF_RANGE;
        }
        if (outside(lon, 180)) {
            return Problem.LONGITUDE_OUT_OF_RANGE;
        }
        if ((lat == null) != (lon == null)) {
            return Problem.NOT_A_PAIR;
        }
        return Problem.NONE;
    }

    private static boolean outside(Double value, double limit) {
        return value != null && (Double.isNaN(value) || Math.abs(value) > limit);
    }
}
