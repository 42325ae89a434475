package org.bianmin.hotline.hotspots;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.bianmin.hotline.similarity.PlaceNames;
import org.bianmin.hotline.similarity.RequestFingerprint;

/**
 * The index keys under which a cluster is found by the tickets that may join it, each bucketed by month: every run
 * of three characters of the places its tickets name (two place names the duplicate check counts as the same share
 * a run of three or more characters, so they always share one of these keys), the grid, and a coordinate cell of
 * about 550 x 480 m. A ticket looks its keys up in its own month and the months either side; the cluster is indexed
 * under the keys of each ticket that joins it, in that ticket's month. A key is a DynamoDB partition, so finding
 * candidates is a handful of key reads whatever the number of tickets or clusters.
 *
 * <p>An anchored cluster ({@link ClusterAnchor}) is also indexed under the runs of its anchor places by quarter
 * ({@code a:run#2019Q3}), in the quarters of its months and the {@value #ANCHOR_QUARTERS} either side, and a ticket
 * looks up its own place runs in its own quarter: so it finds the anchored clusters of its place reported up to at
 * least six months before or after it, with at most {@value #MAX_TOKENS} more keys (a second BatchGetItem at
 * most), and each such key holds only the anchored clusters of one place run around one quarter.
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
    /** Quarters either side of its months under which an anchored cluster is indexed: six months at least. */
    static final int ANCHOR_QUARTERS = 2;

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

    /**
     * The keys a ticket looks candidates up by: its month and the months either side, neighbouring cells too; and its
     * place runs in its quarter, where anchored clusters are found.
     */
    public static Set<String> lookups(RequestFingerprint ticket, ZoneId zone) {
        YearMonth month = YearMonth.from(ticket.at().atZone(zone));
        Set<String> keys = new LinkedHashSet<>();
        for (String token : tokens(ticket, true)) {
            for (int offset = -1; offset <= 1; offset++) {
                keys.add(token + "#" + month.plusMonths(offset));
            }
        }
        // only the first place's runs: a late ticket joins an anchored cluster only when the first place it names is
        // the anchor's (ClusterAnchor#admitsLate), so the other places' keys would find nothing it could join, and
        // each key is one more item read for every ticket (measured on the import: docs/benchmarks.md 8)
        for (String run : placeRuns(ticket.places().stream().limit(1).toList())) {
            keys.add(ANCHOR + run + "#" + quarter(month));
        }
        return keys;
    }

    /**
     * The keys an anchored cluster is indexed under: the runs of its anchor places, in the quarter of each of its
     * months and the {@value #ANCHOR_QUARTERS} quarters either side.
     */
    static Set<String> anchors(ClusterAnchor anchor, Collection<String> months) {
        Set<String> quarters = new TreeSet<>();
        for (String month : months) {
            YearMonth m = YearMonth.parse(month);
            for (int offset = -ANCHOR_QUARTERS; offset <= ANCHOR_QUARTERS; offset++) {
                quarters.add(quarter(m.plusMonths(3L * offset)));
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String run : placeRuns(anchor.places())) {
            for (String quarter : quarters) {
                keys.add(ANCHOR + run + "#" + quarter);
            }
        }
        return keys;
    }

    /** Whether a ticket's month is within the ordinary lookup of a cluster month: the same month or one either side. */
    static boolean withinMonthWindow(String ticketMonth, Collection<String> clusterMonths) {
        YearMonth month = YearMonth.parse(ticketMonth);
        return clusterMonths.stream().map(YearMonth::parse)
                .anyMatch(m -> !m.isBefore(month.minusMonths(1)) && !m.isAfter(month.plusMonths(1)));
    }

    private static final String ANCHOR = "a:";

    private static String quarter(YearMonth month) {
        return month.getYear() + "Q" + ((month.getMonthValue() - 1) / 3 + 1);
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
        for (String run : placeRuns(ticket.places())) {
            tokens.add("p:" + run);
        }
        return limited(tokens);
    }

    /** Every run of {@value #RUN} characters of the places that is not generic (小区附近, 城小区). */
    private static Set<String> placeRuns(Collection<String> places) {
        Set<String> runs = new LinkedHashSet<>();
        for (String place : places) {
            int[] points = place.codePoints().toArray();
            for (int i = 0; i + RUN <= points.length; i++) {
                String run = new String(points, i, RUN);
                if (!PlaceNames.isGeneric(run)) {
                    runs.add(run);
                }
            }
        }
        return runs;
    }

    private static Set<String> limited(Set<String> tokens) {
        return tokens.size() <= MAX_TOKENS ? tokens : new LinkedHashSet<>(tokens.stream().limit(MAX_TOKENS).toList());
    }
}
