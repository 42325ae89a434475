package org.bianmin.knowledge.model;

import java.time.LocalDate;
import java.util.List;

/** One answerable topic of the convenience hotline, written and reviewed by people. */
public record KnowledgeEntry(
        String id,
        String title,
        String question,
        List<String> variants,
        EntryAnswer answer,
        String category,
        String department,
        Domain domain,
        EntryKind kind,
        boolean offerRequest,
        List<String> tags,
        LocalDate updatedAt) {

    public KnowledgeEntry {
        variants = List.copyOf(variants);
        tags = List.copyOf(tags);
    }
}
