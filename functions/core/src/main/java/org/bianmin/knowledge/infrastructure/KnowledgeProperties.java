package org.bianmin.knowledge.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which engine ranks the knowledge base.
 *
 * @param engine {@code lucene} (embedded, default) or {@code elasticsearch}
 * @param elasticsearch the cluster, used when the engine is elasticsearch
 */
@ConfigurationProperties("bianmin.knowledge")
record KnowledgeProperties(String engine, Elasticsearch elasticsearch) {

    public KnowledgeProperties {
        engine = engine == null || engine.isBlank() ? "lucene" : engine;
        elasticsearch = elasticsearch == null ? new Elasticsearch(null, null, null, null, null, null, null) : elasticsearch;
    }

    /**
     * @param url e.g. {@code https://my-deployment.es.example.com:443}
     * @param apiKey an API key (preferred), from Secrets Manager in AWS; never in the repo
     * @param username basic-auth user when no API key is set
     * @param password basic-auth password
     * @param alias the alias searches go to; versions are {@code alias-vN}
     * @param replicas replicas of a new index version (0 on a single test node)
     * @param rebuildOnStart rebuild (new version + alias swap) when the function starts; normally the
     *                       {@code knowledgeReindex} function does this after a deploy
     */
    public record Elasticsearch(String url, String apiKey, String username, String password, String alias,
                                Integer replicas, Boolean rebuildOnStart) {

        public Elasticsearch {
            url = url == null || url.isBlank() ? "http://127.0.0.1:9200" : url;
            alias = alias == null || alias.isBlank() ? "knowledge" : alias;
            replicas = replicas == null ? 1 : replicas;
            rebuildOnStart = rebuildOnStart != null && rebuildOnStart;
        }
    }
}
