package org.bianmin.inquiry.model;

import java.util.List;

/**
 * What a citizen in danger reads first: the number to call, a few first steps, and further numbers that may also
 * be needed. All text comes from the safety data file, so a city can change numbers and wording without code.
 *
 * @param kind     the kind of emergency (for example {@code fire}, {@code medical}), stable for callers
 * @param label    the kind in Chinese
 * @param call     the number to call first
 * @param alsoCall numbers that may be needed as well (120 beside 119 when someone is hurt)
 * @param steps    two to four first steps, in order
 */
public record Emergency(String kind, String label, Hotline call, List<Hotline> alsoCall, List<String> steps) {

    public Emergency {
        alsoCall = List.copyOf(alsoCall);
        steps = List.copyOf(steps);
    }

    /** A number to call and what it is, e.g. 119 消防救援（火警）. */
    public record Hotline(String number, String name) {
    }
}
