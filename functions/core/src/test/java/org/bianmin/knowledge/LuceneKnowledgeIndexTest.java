package org.bianmin.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bianmin.knowledge.infrastructure.LuceneKnowledgeIndex;
import org.bianmin.knowledge.search.IndexedEntry;
import org.bianmin.knowledge.search.SearchField;
import org.bianmin.knowledge.search.SearchQuery;
import org.bianmin.knowledge.search.SearchHit;
import org.junit.jupiter.api.Test;

class LuceneKnowledgeIndexTest {

    private static IndexedEntry entry(String id, String title, String questions) {
        return new IndexedEntry(id, id, "民政", "test", Map.of(SearchField.TITLE, title, SearchField.QUESTIONS, questions,
                SearchField.KEYWORDS, "", SearchField.ANSWER, ""));
    }

    @Test
    void ranksByBoostedBm25AndBreaksTiesById() {
        try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex()) {
            index.rebuild(List.of(
                    entry("c-same", "出国", "护照"),
                    entry("b-title", "护照", "出国"),
                    entry("a-question", "出国", "护照"),
                    entry("d-other", "低保", "申请")));
            List<SearchHit> hits = index.search(SearchQuery.ofWords(List.of("护照")), 10);
            // the title boost (3) beats the questions boost (2); equal scores come back in id order
            assertThat(hits).extracting(SearchHit::entryId).containsExactly("b-title", "a-question", "c-same");
            // also where the top-k cuts between two equal scores, whatever order the entries came in
            assertThat(index.search(SearchQuery.ofWords(List.of("护照")), 2)).extracting(SearchHit::entryId)
                    .containsExactly("b-title", "a-question");
            assertThat(index.search(SearchQuery.ofWords(List.of()), 10)).isEmpty();
            assertThat(index.search(SearchQuery.ofWords(List.of("不存在")), 10)).isEmpty();
        }
    }

    @Test
    void opensTheIndexAnotherHasOpenAndOutlivesItsCloseOrRebuild() {
        // every context of a JVM shares the shipped index the preload opened: one context closing or rebuilding its
        // own must leave the others searching what they had
        try (LuceneKnowledgeIndex preloaded = new LuceneKnowledgeIndex();
             LuceneKnowledgeIndex none = new LuceneKnowledgeIndex()) {
            preloaded.rebuild(List.of(entry("a-passport", "护照", "出国"), entry("b-benefit", "低保", "申请")));
            LuceneKnowledgeIndex first = new LuceneKnowledgeIndex();
            LuceneKnowledgeIndex second = new LuceneKnowledgeIndex();
            assertThat(first.openSameAs(preloaded)).isTrue();
            assertThat(second.openSameAs(preloaded)).isTrue();
            assertThat(first.search(SearchQuery.ofWords(List.of("护照")), 10)).extracting(SearchHit::entryId)
                    .containsExactly("a-passport");
            first.close();
            second.rebuild(List.of(entry("c-other", "护照", "")));
            assertThat(second.search(SearchQuery.ofWords(List.of("护照")), 10)).extracting(SearchHit::entryId)
                    .containsExactly("c-other");
            second.close();
            assertThat(preloaded.search(SearchQuery.ofWords(List.of("护照")), 10)).extracting(SearchHit::entryId)
                    .containsExactly("a-passport");
            assertThat(preloaded.health().documents()).isEqualTo(2);
            // nothing open, nothing shared
            assertThat(new LuceneKnowledgeIndex().openSameAs(none)).isFalse();
        }
    }

    @Test
    void findsTheEntriesOfTheNearestVectorsWithoutTheirVectorsChangingWordRankingOrTheCount() {
        byte[] north = {127, 0, 0, 0};
        byte[] northEast = {100, 90, 0, 0};
        byte[] south = {-127, 0, 0, 0};
        byte[] southEast = {-127, 40, 0, 0};
        try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex()) {
            index.rebuild(List.of(
                    entry("a-far", "护照", "").withVectors(List.of(south)),
                    entry("b-near", "低保", "").withVectors(List.of(southEast, northEast)),
                    entry("c-nearest", "出国", "").withVectors(List.of(north))));
            assertThat(index.nearest(new byte[] {127, 10, 0, 0}, 3)).containsExactly("c-nearest", "b-near", "b-near");
            assertThat(index.nearest(new byte[] {127, 10, 0, 0}, 0)).isEmpty();
            assertThat(index.health().documents()).isEqualTo(3);
            assertThat(index.search(SearchQuery.ofWords(List.of("护照")), 10)).extracting(SearchHit::entryId)
                    .containsExactly("a-far");
        }
    }

    @Test
    void searchesKeepWorkingWhileTheIndexIsRebuilt() throws Exception {
        try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex()) {
            index.rebuild(List.of(entry("one", "护照", "")));
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<Integer> failures = pool.submit(() -> {
                int failed = 0;
                for (int i = 0; i < 5_000; i++) {
                    if (index.search(SearchQuery.ofWords(List.of("护照")), 1).isEmpty()) {
                        failed++;
                    }
                }
                return failed;
            });
            for (int i = 0; i < 50; i++) {
                index.rebuild(List.of(entry("one", "护照", ""), entry("two-" + i, "低保", "")));
            }
            assertThat(failures.get(60, TimeUnit.SECONDS)).isZero();
            pool.shutdown();
            assertThat(index.health().documents()).isEqualTo(2);
        }
    }
}
