package org.bianmin.hotline.similarity;

import java.util.List;

/**
 * How likely another ticket is the same problem at the same place, 0-1, and why: the shared places, the shared
 * problem words, the distance (where both have coordinates) and the days between them.
 */
public record SimilarityScore(String trackingNumber, double score, boolean likelyDuplicate, List<String> sharedPlaces,
                              List<String> sharedWords, Double distanceMetres, double daysApart, boolean sameGrid) {
}
