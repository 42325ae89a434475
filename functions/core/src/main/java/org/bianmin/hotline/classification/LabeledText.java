package org.bianmin.hotline.classification;

import java.util.Objects;
import org.bianmin.knowledge.model.Domain;

/** A request text with the domain it belongs to: one training or evaluation example of the domain model. */
public record LabeledText(String text, Domain domain) {

    public LabeledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(domain, "domain");
    }
}
