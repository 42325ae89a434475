package org.bianmin.knowledge.infrastructure;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.http.client.config.RequestConfig;
import org.bianmin.knowledge.KnowledgeIndexUnavailableException;
import org.bianmin.knowledge.search.IndexHealth;
import org.bianmin.knowledge.search.IndexedEntry;
import org.bianmin.knowledge.search.KnowledgeIndex;
import org.bianmin.knowledge.search.SearchField;
import org.bianmin.knowledge.search.SearchHit;
import org.bianmin.knowledge.search.SearchQuery;
import org.elasticsearch.client.RequestOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cloud engine. Searches go to an alias ({@code knowledge}); a rebuild creates {@code knowledge-vN+1}
 * from {@code index-mappings/knowledge.json}, bulk-loads the pre-analyzed entries, then moves the alias in one
 * atomic {@code _aliases} call and deletes the old versions: readers never see an empty or partial index.
 * Each sentence vector of an entry is a document of its own ({@code <id>~<n>}, fields {@code entry} and
 * {@code vector}), the same layout as the embedded index.
 */
public final class ElasticsearchKnowledgeIndex implements KnowledgeIndex {

    public static final String MAPPING_RESOURCE = "index-mappings/knowledge.json";
    private static final Logger log = LoggerFactory.getLogger(ElasticsearchKnowledgeIndex.class);
    /** Documents (entries and their vectors) per bulk request. */
    private static final int BULK_SIZE = 1_000;
    private static final int REBUILD_TIMEOUT_MS = 120_000;
    /** Candidates each shard's HNSW search examines per wanted neighbour (Elasticsearch's num_candidates / k). */
    private static final int CANDIDATES_PER_NEIGHBOUR = 2;
    private static final String VECTOR_ID = "~";

    private final ElasticsearchClient client;
    private final String alias;
    private final int replicas;

    public ElasticsearchKnowledgeIndex(ElasticsearchClient client, String alias, int replicas) {
        this.client = client;
        this.alias = alias;
        this.replicas = replicas;
    }

    @Override
    public void rebuild(List<IndexedEntry> entries) {
        // Building the HNSW graph of a bulk takes longer than a search may: the rebuild has its own, longer timeout.
        ElasticsearchClient client = this.client.withTransportOptions(new RestClientOptions(RequestOptions.DEFAULT.toBuilder()
                .setRequestConfig(RequestConfig.custom().setConnectTimeout(2_000).setSocketTimeout(REBUILD_TIMEOUT_MS).build())
                .build(), false));
        try {
            Set<String> previous = indicesBehindAlias();
            String next = alias + "-v" + (highestVersion() + 1);
            createIndex(client, next, replicas);
            bulkLoad(client, next, entries);
            client.indices().refresh(r -> r.index(next));
            client.indices().updateAliases(u -> {
                for (String old : previous) {
                    u.actions(a -> a.remove(r -> r.index(old).alias(alias)));
                }
                return u.actions(a -> a.add(add -> add.index(next).alias(alias)));
            });
            for (String old : previous) {
                client.indices().delete(d -> d.index(old));
            }
            log.info("knowledge index rebuilt: alias={} index={} documents={} replaced={}", alias, next,
                    entries.size(), previous);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rebuild the Elasticsearch knowledge index", e);
        }
    }

    @Override
    public List<SearchHit> search(SearchQuery searchQuery, int limit) {
        if (searchQuery.isEmpty() || limit <= 0) {
            return List.of();
        }
        try {
            SearchResponse<Void> response = client.search(s -> s
                    .index(alias)
                    .size(limit)
                    .trackTotalHits(t -> t.enabled(false))
                    .trackScores(true)
                    .source(src -> src.fetch(false))
                    .query(query(searchQuery))
                    .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))), Void.class);
            List<SearchHit> hits = new ArrayList<>();
            for (Hit<Void> hit : response.hits().hits()) {
                hits.add(new SearchHit(hit.id(), hit.score() == null ? 0f : hit.score().floatValue()));
            }
            return hits;
        } catch (IOException | ElasticsearchException e) {
            throw new KnowledgeIndexUnavailableException("Elasticsearch search failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> nearest(byte[] vector, int k) {
        if (k <= 0) {
            return List.of();
        }
        List<Float> queryVector = new ArrayList<>(vector.length);
        for (byte b : vector) {
            queryVector.add((float) b);
        }
        try {
            SearchResponse<Void> response = client.search(s -> s
                    .index(alias)
                    .size(k)
                    .trackTotalHits(t -> t.enabled(false))
                    .source(src -> src.fetch(false))
                    .knn(n -> n.field("vector").queryVector(queryVector).k(k).numCandidates(k * CANDIDATES_PER_NEIGHBOUR)),
                    Void.class);
            List<String> entries = new ArrayList<>();
            for (Hit<Void> hit : response.hits().hits()) {
                entries.add(hit.id().substring(0, hit.id().lastIndexOf(VECTOR_ID)));
            }
            return entries;
        } catch (IOException | ElasticsearchException e) {
            throw new KnowledgeIndexUnavailableException("Elasticsearch vector search failed: " + e.getMessage(), e);
        }
    }

    /** The same shape as {@link LuceneKnowledgeIndex#query}: one boosted term clause per (field, token). */
    static Query query(SearchQuery searchQuery) {
        return Query.of(q -> q.bool(b -> {
            for (SearchField field : SearchField.values()) {
                for (String token : new LinkedHashSet<>(searchQuery.tokensFor(field))) {
                    b.should(s -> s.term(t -> t.field(field.fieldName()).value(FieldValue.of(token))
                            .boost(searchQuery.boost(field, token))));
                }
            }
            return b;
        }));
    }

    private static void createIndex(ElasticsearchClient client, String name, int replicas) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode definition;
        try (InputStream in = ElasticsearchKnowledgeIndex.class.getClassLoader().getResourceAsStream(MAPPING_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + MAPPING_RESOURCE + " on the classpath");
            }
            definition = (ObjectNode) json.readTree(in);
        }
        ((ObjectNode) definition.path("settings").path("index")).put("number_of_replicas", replicas);
        String body = json.writeValueAsString(definition);
        client.indices().create(c -> c.index(name).withJson(new StringReader(body)));
    }

    private static void bulkLoad(ElasticsearchClient client, String index, List<IndexedEntry> entries) throws IOException {
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        int documents = 0;
        for (IndexedEntry entry : entries) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("id", entry.id());
            for (SearchField field : SearchField.values()) {
                document.put(field.fieldName(), entry.field(field));
            }
            document.put("title_display", entry.title());
            document.put("domain", entry.domain());
            document.put("category", entry.category());
            bulk.operations(op -> op.index(i -> i.index(index).id(entry.id()).document(document)));
            documents++;
            for (int v = 0; v < entry.vectors().size(); v++) {
                Map<String, Object> vectorDocument = Map.of("entry", entry.id(), "vector", components(entry.vectors().get(v)));
                String id = entry.id() + VECTOR_ID + v;
                bulk.operations(op -> op.index(i -> i.index(index).id(id).document(vectorDocument)));
                documents++;
            }
            if (documents >= BULK_SIZE) {
                send(client, index, bulk.build());
                bulk = new BulkRequest.Builder();
                documents = 0;
            }
        }
        if (documents > 0) {
            send(client, index, bulk.build());
        }
    }

    private static void send(ElasticsearchClient client, String index, BulkRequest request) throws IOException {
        BulkResponse response = client.bulk(request);
        if (response.errors()) {
            String reason = response.items().stream().filter(i -> i.error() != null)
                    .map(i -> i.id() + ": " + i.error().reason()).findFirst().orElse("unknown");
            throw new IllegalStateException("bulk load into " + index + " failed, first error " + reason);
        }
    }

    /** A byte vector as JSON numbers (a byte[] would be written as base64, which dense_vector does not read). */
    private static List<Integer> components(byte[] vector) {
        List<Integer> components = new ArrayList<>(vector.length);
        for (byte b : vector) {
            components.add((int) b);
        }
        return components;
    }

    private Set<String> indicesBehindAlias() throws IOException {
        try {
            GetAliasResponse response = client.indices().getAlias(a -> a.name(alias));
            return new TreeSet<>(response.result().keySet());
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Set.of();
            }
            throw e;
        }
    }

    private int highestVersion() throws IOException {
        String prefix = alias + "-v";
        int highest = 0;
        try {
            for (String name : client.indices().get(g -> g.index(prefix + "*")).result().keySet()) {
                try {
                    highest = Math.max(highest, Integer.parseInt(name.substring(prefix.length())));
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        } catch (ElasticsearchException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        return highest;
    }

    @Override
    public String engine() {
        return "elasticsearch";
    }

    @Override
    public IndexHealth health() {
        try {
            long count = client.count(c -> c.index(alias).query(q -> q.exists(e -> e.field("id")))).count();
            return IndexHealth.up(count, "alias " + alias);
        } catch (IOException | RuntimeException e) {
            return IndexHealth.down(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            client._transport().close();
        } catch (IOException e) {
            log.warn("closing the Elasticsearch transport failed: {}", e.toString());
        }
    }
}
