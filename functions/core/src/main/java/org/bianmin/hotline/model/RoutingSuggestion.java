package org.bianmin.hotline.model;

/**
 * Where the router proposed to send a ticket when it was filed, kept beside the ticket's final routing so that a
 * dispatcher's correction becomes a label: the router learns from it (the export) and the city sees how well it
 * routes (the quality report). Only a ticket the router classified has one; a category the caller chose does not.
 *
 * @param department the department the router's category belongs to, even when low confidence sent the ticket to
 *     manual triage (then the dispatcher's choice is compared with this guess)
 * @param confidence the probability the router gave its domain (0..1)
 */
public record RoutingSuggestion(String domain, String categoryCode, String category, String department,
                                String modelVersion, double confidence) {

    /** Whether a final routing differs from this suggestion in domain, category or department. */
    public boolean differsFrom(String finalDomain, String finalCategoryCode, String finalDepartment) {
        return !domain.equals(finalDomain) || !categoryCode.equals(finalCategoryCode) || !department.equals(finalDepartment);
    }
}
