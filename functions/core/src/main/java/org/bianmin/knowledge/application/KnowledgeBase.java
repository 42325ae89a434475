package org.bianmin.knowledge.application;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.knowledge.KnowledgeEntries;
import org.bianmin.knowledge.model.KnowledgeEntry;

/** All entries, by id, in the order they were loaded. Immutable: a reload builds a new one. */
public final class KnowledgeBase implements KnowledgeEntries {

    private final Map<String, KnowledgeEntry> byId;
    private final List<KnowledgeEntry> ordered;

    public KnowledgeBase(List<KnowledgeEntry> entries) {
        Map<String, KnowledgeEntry> map = new LinkedHashMap<>();
        for (KnowledgeEntry entry : entries) {
            if (map.putIfAbsent(entry.id(), entry) != null) {
                throw new KnowledgeBaseException("duplicate entry id '" + entry.id() + "'");
            }
        }
        this.byId = Map.copyOf(map);
        this.ordered = List.copyOf(map.values());
    }

    @Override
    public Optional<KnowledgeEntry> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public KnowledgeEntry get(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("no entry '" + id + "'"));
    }

    @Override
    public Collection<KnowledgeEntry> entries() {
        return ordered;
    }

    public int size() {
        return ordered.size();
    }
}
