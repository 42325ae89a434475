package org.bianmin.hotline.similarity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores two requests as the same concrete problem at the same place. The place carries most weight (shared place
 * names, or the same grid and coordinates within 300 m), then the problem words they share, then closeness in time.
 * A likely duplicate needs both a shared place and the same problem named at the head of the texts (where callers
 * name it: the first line, or the first 50 characters): the same place with another problem, or the same problem
 * elsewhere, is not one.
 */
public final class DuplicateScorer {

    static final double PLACE_WEIGHT = 0.45;
    static final double WORD_WEIGHT = 0.45;
    static final double TIME_WEIGHT = 0.10;
    static final double THRESHOLD = 0.55;
    /** Shared concrete problem words that make the problem side certain (路灯, 不亮, 修理). */
    static final double WORDS_FOR_CERTAINTY = 4;
    static final int PLACE_OVERLAP = 3;
    /**
     * A score this high (shared place, four or more shared problem words, close in time) marks a duplicate even when
     * the two callers put different words first.
     */
    static final double NEAR_CERTAIN = 0.95;
    /**
     * ... and when the shared words are at least this share of the shorter text's problem words: two long letters
     * share four words by chance (坚决, 反对, 门口, 设置), and one of the many roads each lists is no common place.
     */
    static final double SHARE_FOR_CERTAINTY = 0.2;
    static final double NEAR_METRES = 300;
    private static final double TIME_SCALE_DAYS = 60;

    public SimilarityScore score(RequestFingerprint a, RequestFingerprint b) {
        List<String> sharedPlaces = sharedPlaces(a.places(), b.places());
        double place = sharedPlaces.isEmpty() ? 0 : 1.0;
        Double distance = null;
        if (a.lat() != null && b.lat() != null) {
            distance = metres(a.lat(), a.lon(), b.lat(), b.lon());
            place = Math.max(place, distance <= NEAR_METRES ? 1.0 - distance / (2 * NEAR_METRES) : 0);
        }
        boolean sameGrid = a.gridCode() != null && a.gridCode().equals(b.gridCode());
        if (sameGrid) {
            place = Math.max(place, 0.5);
        }
        List<String> sharedWords = new ArrayList<>(new TreeSet<>(a.words()));
        sharedWords.retainAll(b.words());
        double words = Math.min(1.0, sharedWords.size() / WORDS_FOR_CERTAINTY);
        double days = Math.abs(Duration.between(a.at(), b.at()).toMinutes()) / (60.0 * 24);
        double time = Math.exp(-days / TIME_SCALE_DAYS);
        double score = PLACE_WEIGHT * place + WORD_WEIGHT * words + TIME_WEIGHT * time;
        boolean duplicate = place > 0 && (score >= THRESHOLD && sameProblem(a, b)
                || score >= NEAR_CERTAIN && sharedWords.size() >= WORDS_FOR_CERTAINTY
                && sharedWords.size() >= SHARE_FOR_CERTAINTY * Math.min(a.words().size(), b.words().size()));
        return new SimilarityScore(b.trackingNumber(), Math.round(score * 1000) / 1000.0, duplicate, sharedPlaces,
                sharedWords, distance, Math.round(days * 10) / 10.0, sameGrid);
    }

    /**
     * Whether both name the same problem: a word shared by both heads, or each head's problem appearing in the other
     * text (one caller names it in the subject, the other only in the detail).
     */
    private static boolean sameProblem(RequestFingerprint a, RequestFingerprint b) {
        if (intersects(a.headWords(), b.headWords())) {
            return true;
        }
        return intersects(a.headWords(), b.words()) && intersects(b.headWords(), a.words());
    }

    private static boolean intersects(Set<String> x, Set<String> y) {
        return x.stream().anyMatch(y::contains);
    }

    /**
     * Places both name, matched on their longest common run of at least {@value #PLACE_OVERLAP} characters, so that
     * 万科魅力之城 and 魅力之城小区 are one place; the shared run is what is reported.
     */
    public static List<String> sharedPlaces(Set<String> a, Set<String> b) {
        Set<String> shared = new TreeSet<>();
        for (String x : a) {
            for (String y : b) {
                String common = longestCommonRun(x, y);
                if (common.length() >= PLACE_OVERLAP && !PlaceNames.isGeneric(common)) {
                    shared.add(common);
                }
            }
        }
        return new ArrayList<>(shared);
    }

    private static String longestCommonRun(String x, String y) {
        int best = 0;
        int end = 0;
        int[] previous = new int[y.length() + 1];
        for (int i = 1; i <= x.length(); i++) {
            int[] current = new int[y.length() + 1];
            for (int j = 1; j <= y.length(); j++) {
                if (x.charAt(i - 1) == y.charAt(j - 1)) {
                    current[j] = previous[j - 1] + 1;
                    if (current[j] > best) {
                        best = current[j];
                        end = i;
                    }
                }
            }
            previous = current;
        }
        return x.substring(end - best, end);
    }

    private static double metres(double lat1, double lon1, double lat2, double lon2) {
        double r = 6_371_000;
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.sqrt(h));
    }
}
