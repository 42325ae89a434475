package org.bianmin.hotline.similarity;

import org.bianmin.hotline.model.Ticket;

/** A likely duplicate: the other ticket and how it scored. */
public record SimilarTicket(Ticket ticket, SimilarityScore score) {
}
