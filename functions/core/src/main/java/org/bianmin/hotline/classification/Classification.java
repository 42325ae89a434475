package org.bianmin.hotline.classification;

import java.util.List;
import org.bianmin.hotline.model.SlaClass;

/**
 * Where a request text belongs, how sure the classifier is, the runners-up, and the terms that decided it.
 *
 * @param confidence the probability of the chosen domain (0..1); below the triage threshold a person decides
 * @param manualTriage true when the confidence is too low to route automatically
 * @param modelVersion the domain model that decided ({@code builtin-...} or a trained {@code router-...});
 *     {@code null} when a person or a caller chose the category
 */
public record Classification(String domain, String categoryCode, String category, String department, SlaClass sla,
                             double confidence, boolean manualTriage, List<Alternative> alternatives,
                             List<Term> terms, String modelVersion) {

    public Classification {
        alternatives = List.copyOf(alternatives);
        terms = List.copyOf(terms);
    }

    public record Alternative(String domain, String categoryCode, String category, String department, double confidence) {
    }

    /** A token of the text and how strongly it pointed to the chosen domain over the runner-up. */
    public record Term(String term, double weight) {
    }
}
