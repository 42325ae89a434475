package org.bianmin.knowledge;

import java.util.Collection;
import java.util.Optional;
import org.bianmin.knowledge.model.KnowledgeEntry;

/**
 * The knowledge base's entries, for capabilities that read them without searching: the hotline's classifier learns
 * its vocabulary from them. Cheaper than {@link KnowledgeSearch}: no index is built for it.
 */
public interface KnowledgeEntries {

    Collection<KnowledgeEntry> entries();

    Optional<KnowledgeEntry> find(String id);

    /**
     * The knowledge base shipped in the jar, read without Spring: for build steps and tools (the built-in router
     * model is trained from it at build time). Running functions get theirs injected instead.
     */
    static KnowledgeEntries shipped() {
        return new org.bianmin.knowledge.application.KnowledgeBaseLoader().load();
    }
}
