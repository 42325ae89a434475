package org.bianmin.knowledge.infrastructure;

import java.util.Map;
import java.util.function.Supplier;
import org.bianmin.http.DependencyCheck;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.application.KnowledgeBase;
import org.bianmin.knowledge.KnowledgeSearch;
import org.bianmin.knowledge.search.IndexHealth;
import org.bianmin.knowledge.search.KnowledgeIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    /** Shared with the preload, which outlives any one context: a context must not close it on shutdown. */
    @Bean(destroyMethod = "")
    ChineseAnalyzer chineseAnalyzer() {
        return KnowledgePreloader.get().analyzer();
    }

    @Bean
    KnowledgeBase knowledgeBase() {
        return KnowledgePreloader.get().knowledgeBase();
    }

    @Bean(destroyMethod = "close")
    KnowledgeIndex knowledgeIndex(KnowledgeProperties properties) {
        return switch (properties.engine()) {
            case "lucene" -> new LuceneKnowledgeIndex();
            case "elasticsearch" -> {
                KnowledgeProperties.Elasticsearch es = properties.elasticsearch();
                yield new ElasticsearchKnowledgeIndex(
                        ElasticsearchClients.create(es.url(), es.apiKey(), es.username(), es.password()),
                        es.alias(), es.replicas());
            }
            default -> throw new IllegalStateException(
                    "bianmin.knowledge.engine must be lucene or elasticsearch, not '" + properties.engine() + "'");
        };
    }

    @Bean
    KnowledgeSearch knowledgeSearch(KnowledgeBase knowledgeBase, ChineseAnalyzer analyzer, KnowledgeIndex index,
                                    KnowledgeProperties properties) {
        KnowledgePreloader.Preloaded preloaded = KnowledgePreloader.get();
        KnowledgeSearch search = new KnowledgeSearch(knowledgeBase, analyzer, index, preloaded.indexedEntries(),
                preloaded.embedder());
        // The embedded index lives in memory: the one the jar ships, opened once by the preload, when it was built
        // from these entries, else built now. A cluster index outlives the function and is rebuilt on purpose
        // (knowledgeReindex) unless asked here.
        if (index instanceof LuceneKnowledgeIndex lucene) {
            if (!KnowledgePreloader.shippedIndex().map(lucene::openSameAs).orElse(false)) {
                search.rebuildIndex();
            }
        } else if (properties.elasticsearch().rebuildOnStart()) {
            search.rebuildIndex();
        }
        return search;
    }

    /** Rebuild the index from the deployed entries: invoke after a deploy that changed entries or analysis files. */
    @Bean
    Supplier<Map<String, Object>> knowledgeReindex(KnowledgeSearch search) {
        return () -> {
            search.rebuildIndex();
            IndexHealth health = search.index().health();
            return Map.of("engine", search.index().engine(), "documents", health.documents());
        };
    }

    @Bean
    DependencyCheck knowledgeIndexCheck(KnowledgeSearch search) {
        return DependencyCheck.of("knowledgeIndex", () -> {
            IndexHealth health = search.index().health();
            return new DependencyCheck.Status(health.up(), Map.of("engine", search.index().engine(),
                    "documents", health.documents(), "detail", health.detail()));
        });
    }
}
