package org.bianmin.testing;

import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.application.KnowledgeBase;
import org.bianmin.knowledge.application.KnowledgeBaseLoader;
import org.bianmin.knowledge.KnowledgeSearch;
import org.bianmin.knowledge.infrastructure.ElasticsearchKnowledgeIndex;
import org.bianmin.knowledge.infrastructure.LuceneKnowledgeIndex;

/** The shipped knowledge base on each engine, built once per test JVM. */
public final class Knowledge {

    public static final KnowledgeBase BASE = new KnowledgeBaseLoader().load();
    public static final ChineseAnalyzer ANALYZER = ChineseAnalyzer.withDefaultResources();
    private static KnowledgeSearch lucene;
    private static KnowledgeSearch elasticsearch;

    private Knowledge() {
    }

    public static synchronized KnowledgeSearch lucene() {
        if (lucene == null) {
            lucene = new KnowledgeSearch(BASE, ANALYZER, new LuceneKnowledgeIndex());
            lucene.rebuildIndex();
        }
        return lucene;
    }

    /** The same entries in the real Elasticsearch test node, under the alias {@code knowledge-test}. */
    public static synchronized KnowledgeSearch elasticsearch() {
        if (elasticsearch == null) {
            elasticsearch = new KnowledgeSearch(BASE, ANALYZER,
                    new ElasticsearchKnowledgeIndex(ElasticsearchTestNode.client(), "knowledge-test", 0));
            elasticsearch.rebuildIndex();
        }
        return elasticsearch;
    }
}
