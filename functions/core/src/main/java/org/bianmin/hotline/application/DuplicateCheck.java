package org.bianmin.hotline.application;

import java.util.List;
import org.bianmin.hotline.model.Ticket;

/**
 * The intake's similarity check (重复件): the tracking numbers of the likely duplicates of a request about to be
 * stored, best first. Implemented by the similarity package; the intake stores what it finds with the ticket and
 * files the request whatever happens to the check.
 */
@FunctionalInterface
public interface DuplicateCheck {

    /** No check: the ticket is stored with no likely duplicates. */
    DuplicateCheck NONE = draft -> List.of();

    List<String> likelyDuplicates(Ticket draft);
}
