package org.bianmin.hotline.hotspots;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;
import org.bianmin.hotline.similarity.PlaceNames;
import org.bianmin.hotline.similarity.RequestFingerprint;

/**
 * The index keys under which a cluster is found by the tickets that may join it, each bucketed by month: every run
 * of three characters of the places its tickets name (two place names the duplicate check counts as the same share
 * a run of three or more characters, so they always share one of these keys), the grid, and a coordinate cell of
 * about 550 x 480 m. A ticket looks its keys up in its own month and the months either side; the cluster is indexed
 * under the keys of each ticket that joins it, in that ticket's month. A key is a DynamoDB partition, so finding
 * candidates is a handful of key reads whatever the number of tickets or clusters.
 */
public final class ClusterKeys {

    /**
     * At most this many tokens per ticket (a long text names many places), so that its lookups in three months fit
     * one BatchGetItem (100 keys).
     */
    static final int MAX_TOKENS = 33;
    static final int RUN = 3;
    /** Coordinate cells of 0.005 degrees: about 550 m north-south and 480 m east-west at the city's latitude. */
    static final double CELL_DEGREES = 0.005;

    private ClusterKeys() {
    }

    /** The keys a ticket indexes its cluster under: its own month. */
    public static Set<String> of(RequestFingerprint ticket, ZoneId zone) {
        String month = month(ticket, zone);
        Set<String> keys = new LinkedHashSet<>();
        for (String token : tokens(ticket, false)) {
            keys.add(token + "#" + month);
        }
        return keys;
    }

    /** The keys a ticket looks candidates up by: its month and the months either side, neighbouring cells too. */
    public static Set<String> lookups(RequestFingerprint ticket, ZoneId zone) {
        YearMonth month = YearMonth.from(ticket.at().atZone(zone));
        Set<String> keys = new LinkedHashSet<>();
        for (String token : tokens(ticket, true)) {
            for (int offset = -1; offset <= 1; offset++) {
                keys.add(token + "#" + month.plusMonths(offset));
            }
        }
        return keys;
    }

    public static String month(RequestFingerprint ticket, ZoneId zone) {
        return YearMonth.from(ticket.at().atZone(zone)).toString();
    }

    private static Set<String> tokens(RequestFingerprint ticket, boolean neighbours) {
        Set<String> tokens = new LinkedHashSet<>();
        if (ticket.lat() != null && ticket.lon() != null) {
            long row = (long) Math.floor(ticket.lat() / CELL_DEGREES);
            long column = (long) Math.floor(ticket.lon() / CELL_DEGREES);
            int reach = neighbours ? 1 : 0;
            for (long r = row - reach; r <= row + reach; r++) {
                for (long c = column - reach; c <= column + reach; c++) {
                    tokens.add("c:" + r + ":" + c);
                }
            }
        }
        if (ticket.gridCode() != null) {
            tokens.add("g:" + ticket.gridCode());
        }
        for (String place : ticket.places()) {
            int[] points = place.codePoints().toArray();
            for (int i = 0; i + RUN <= points.length; i++) {
                String run = new String(points, i, RUN);
                if (!PlaceNames.isGeneric(run)) {
                    tokens.add("p:" + run);
                }
            }
        }
        return tokens.size() <= MAX_TOKENS ? tokens : new LinkedHashSet<>(tokens.stream().limit(MAX_TOKENS).toList());
    }
}
