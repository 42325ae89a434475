package org.bianmin.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.get_mapping.IndexMappingRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bianmin.knowledge.infrastructure.ElasticsearchKnowledgeIndex;
import org.bianmin.knowledge.search.IndexedEntry;
import org.bianmin.knowledge.search.SearchField;
import org.bianmin.knowledge.search.SearchQuery;
import org.bianmin.testing.ElasticsearchTestNode;
import org.junit.jupiter.api.Test;

/** The Elasticsearch adapter against a real 8.19 node: versioned indices, alias swap, mapping, search. */
class ElasticsearchKnowledgeIndexTest {

    private static IndexedEntry entry(String id, String title) {
        return new IndexedEntry(id, id, "民政", "test", Map.of(SearchField.TITLE, title, SearchField.QUESTIONS, "",
                SearchField.KEYWORDS, "", SearchField.ANSWER, ""));
    }

    /** A vector of the model's dimensions (the mapping's) with these first components. */
    private static byte[] vector(int x, int y) {
        byte[] vector = new byte[org.bianmin.knowledge.embedding.BgeSmallZhEmbedder.DIMENSIONS];
        vector[0] = (byte) x;
        vector[1] = (byte) y;
        return vector;
    }

    @Test
    void rebuildCreatesTheNextVersionMovesTheAliasAndDropsTheOldVersion() throws Exception {
        ElasticsearchClient client = ElasticsearchTestNode.client();
        ElasticsearchKnowledgeIndex index = new ElasticsearchKnowledgeIndex(client, "kb-swap", 0);

        index.rebuild(List.of(entry("one", "护照")));
        assertThat(client.indices().getAlias(a -> a.name("kb-swap")).result().keySet()).containsExactly("kb-swap-v1");
        assertThat(index.search(SearchQuery.ofWords(List.of("护照")), 5)).extracting(h -> h.entryId()).containsExactly("one");

        index.rebuild(List.of(entry("two", "护照"), entry("three", "低保")));
        assertThat(client.indices().getAlias(a -> a.name("kb-swap")).result().keySet()).containsExactly("kb-swap-v2");
        assertThat(client.indices().exists(e -> e.index("kb-swap-v1")).value()).isFalse();
        assertThat(index.search(SearchQuery.ofWords(List.of("护照")), 5)).extracting(h -> h.entryId()).containsExactly("two");
        assertThat(index.health().up()).isTrue();
        assertThat(index.health().documents()).isEqualTo(2);
    }

    @Test
    void findsTheEntriesOfTheNearestVectorsAsTheEmbeddedIndexDoes() {
        byte[] north = vector(127, 0);
        byte[] northEast = vector(100, 90);
        byte[] south = vector(-127, 0);
        byte[] southEast = vector(-127, 40);
        List<IndexedEntry> entries = List.of(
                entry("a-far", "护照").withVectors(List.of(south)),
                entry("b-near", "低保").withVectors(List.of(southEast, northEast)),
                entry("c-nearest", "出国").withVectors(List.of(north)));
        ElasticsearchKnowledgeIndex index = new ElasticsearchKnowledgeIndex(ElasticsearchTestNode.client(), "kb-vectors", 0);
        index.rebuild(entries);
        byte[] query = vector(127, 10);
        assertThat(index.nearest(query, 3)).containsExactly("c-nearest", "b-near", "b-near");
        try (var lucene = new org.bianmin.knowledge.infrastructure.LuceneKnowledgeIndex()) {
            lucene.rebuild(entries);
            assertThat(index.nearest(query, 4)).isEqualTo(lucene.nearest(query, 4));
        }
        // vector documents are neither counted nor found by words
        assertThat(index.health().documents()).isEqualTo(3);
        assertThat(index.search(SearchQuery.ofWords(List.of("护照")), 10)).extracting(h -> h.entryId()).containsExactly("a-far");
    }

    @Test
    void theVersionedMappingFileIsAppliedAsWritten() throws Exception {
        ElasticsearchClient client = ElasticsearchTestNode.client();
        new ElasticsearchKnowledgeIndex(client, "kb-mapping", 0).rebuild(List.of(entry("one", "护照")));
        IndexMappingRecord mapping = client.indices().getMapping(m -> m.index("kb-mapping")).result().get("kb-mapping-v1");
        Set<String> fields = mapping.mappings().properties().keySet();
        for (SearchField field : SearchField.values()) {
            assertThat(fields).contains(field.fieldName());
            assertThat(mapping.mappings().properties().get(field.fieldName()).text().analyzer()).isEqualTo("whitespace");
        }
        assertThat(mapping.mappings().properties().get("id").isKeyword()).isTrue();
        var vector = mapping.mappings().properties().get("vector").denseVector();
        assertThat(vector.dims()).isEqualTo(org.bianmin.knowledge.embedding.BgeSmallZhEmbedder.DIMENSIONS);
        assertThat(vector.elementType().jsonValue()).isEqualTo("byte");
        assertThat(vector.similarity().jsonValue()).isEqualTo("cosine");
        assertThat(vector.indexOptions().type().jsonValue()).isEqualTo("hnsw");
        var settings = client.indices().getSettings(s -> s.index("kb-mapping-v1")).result().get("kb-mapping-v1").settings();
        assertThat(settings.index().numberOfShards()).isEqualTo("1");
    }

    @Test
    void aMissingClusterIsReportedDownNotThrown() {
        ElasticsearchKnowledgeIndex index = new ElasticsearchKnowledgeIndex(
                org.bianmin.knowledge.infrastructure.ElasticsearchClients.create("http://127.0.0.1:1", null, null, null),
                "nothing", 0);
        assertThat(index.health().up()).isFalse();
    }
}
