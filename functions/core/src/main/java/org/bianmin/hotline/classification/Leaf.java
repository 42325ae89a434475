package org.bianmin.hotline.classification;

import java.util.List;
import org.bianmin.hotline.model.SlaClass;
import org.bianmin.knowledge.model.Domain;

/**
 * A third-level category of the hotline taxonomy: what a request is filed under, who handles it and how fast.
 *
 * @param code e.g. {@code CXJS-SZSS-LD}
 * @param categoryCode the second-level category, e.g. {@code CXJS-SZSS}
 * @param examples typical citizen messages for this leaf (training text for the classifier)
 */
public record Leaf(String code, String name, Domain domain, String categoryCode, String categoryName,
                   String department, SlaClass sla, String description, List<String> keywords,
                   List<String> examples) {

    public Leaf {
        keywords = List.copyOf(keywords);
        examples = List.copyOf(examples);
    }
}
