package org.bianmin.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.bianmin.knowledge.embedding.BgeSmallZhEmbedder;
import org.bianmin.knowledge.embedding.EntryTexts;
import org.bianmin.knowledge.embedding.ShippedEntryVectors;
import org.bianmin.knowledge.infrastructure.LuceneKnowledgeIndex;
import org.bianmin.knowledge.model.KnowledgeEntry;
import org.bianmin.knowledge.search.EntryVectors;
import org.bianmin.knowledge.search.RankFusion;
import org.bianmin.testing.Knowledge;
import org.bianmin.knowledge.search.ShippedAnalyzedEntries;
import org.bianmin.knowledge.search.IndexedEntry;
import org.bianmin.knowledge.search.SearchField;
import org.junit.jupiter.api.Test;

/** The parts of the ranking by meaning: fusion, byte vectors, the vectors shipped in the jar, the model. */
class HybridRankingTest {

    @Test
    void reciprocalRankFusionRewardsAgreementAndBreaksTiesByTheFirstRanking() {
        List<String> meaning = List.of("a", "b", "c");
        List<String> words = List.of("b", "a", "d");
        // a and b tie (ranks 1+2 and 2+1): the first ranking decides; both beat c and d, which one ranking likes
        assertThat(RankFusion.fuse(List.of(meaning, words))).containsExactly("a", "b", "c", "d");
        assertThat(RankFusion.fuse(List.of(words, meaning))).containsExactly("b", "a", "d", "c");
        // an entry near the top of both beats the first of only one
        assertThat(RankFusion.fuse(List.of(List.of("x", "y"), List.of("z", "y")))).startsWith("y");
        assertThat(RankFusion.fuse(List.of(List.of(), List.of()))).isEmpty();
    }

    @Test
    void byteVectorsKeepTheCosineOrderAndSurviveTheFile() throws IOException {
        byte[] v = EntryVectors.quantize(new float[] {0.5f, -0.25f, 0f, 0.1f});
        assertThat(v).containsExactly(127, -63, 0, 25);
        EntryVectors vectors = new EntryVectors(4, Map.of(
                "near", new EntryVectors.Vectors("f1", List.of(EntryVectors.quantize(new float[] {-1, 0, 0, 0}),
                        EntryVectors.quantize(new float[] {0.9f, 0.1f, 0, 0}))),
                "far", new EntryVectors.Vectors("f2", List.of(EntryVectors.quantize(new float[] {0, 1, 0, 0})))));
        byte[] query = EntryVectors.quantize(new float[] {1, 0, 0, 0});
        // an entry is as near as its nearest way of asking
        assertThat(vectors.rank(List.of("far", "near", "near", "unknown"), query, 5)).containsExactly("near", "far", "unknown");
        assertThat(vectors.similarity("near", query)).isGreaterThan(0.98f);

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        vectors.write(file);
        EntryVectors read = EntryVectors.read(new ByteArrayInputStream(file.toByteArray()));
        assertThat(read.dimensions()).isEqualTo(4);
        assertThat(read.byEntry().get("near").fingerprint()).isEqualTo("f1");
        assertThat(read.of("near")).hasSize(2);
        assertThat(read.of("near").get(1)).isEqualTo(vectors.of("near").get(1));
    }

    @Test
    void theJarShipsAVectorForEveryWayEveryEntryIsAskedSoStartUpEmbedsNothing() {
        EntryVectors shipped = ShippedEntryVectors.load(Knowledge.BASE.entries(), BgeSmallZhEmbedder.MODEL, () -> {
            throw new AssertionError("an entry had to be embedded at start-up: the build did not ship its vectors");
        });
        assertThat(shipped.byEntry()).hasSize(Knowledge.BASE.entries().size());
        for (KnowledgeEntry entry : Knowledge.BASE.entries()) {
            assertThat(shipped.of(entry.id())).as(entry.id()).hasSize(EntryTexts.of(entry).size())
                    .allSatisfy(v -> assertThat(v).hasSize(BgeSmallZhEmbedder.DIMENSIONS));
        }
    }

    @Test
    void theModelAsRunHereGivesTheVectorsTheBuildShipped() {
        // a question's vector is compared with vectors the build made: a change in the model, the runtime or the way
        // the session is opened must not make the two drift apart (the build reuses vectors whose texts did not change)
        EntryVectors shipped = ShippedEntryVectors.load(Knowledge.BASE.entries(), BgeSmallZhEmbedder.MODEL, () -> {
            throw new AssertionError("not shipped");
        });
        int compared = 0;
        for (KnowledgeEntry entry : Knowledge.BASE.entries().stream().limit(12).toList()) {
            List<String> texts = EntryTexts.of(entry);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(EntryVectors.quantize(Knowledge.embedder().embed(texts.get(i))))
                        .as(entry.id() + " text " + i).isEqualTo(shipped.of(entry.id()).get(i));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(40);
    }

    @Test
    void theJarShipsTheEmbeddedIndexOfTheEntriesWhichRanksAsARebuiltOne() {
        try (LuceneKnowledgeIndex shipped = new LuceneKnowledgeIndex()) {
            assertThat(shipped.openShipped(Knowledge.indexedEntries())).isTrue();
            KnowledgeSearch fromJar = new KnowledgeSearch(Knowledge.BASE, Knowledge.ANALYZER, shipped,
                    Knowledge.indexedEntries(), Knowledge.embedder());
            for (String question : List.of("公积金怎么提取交房租", "俺娘七十好几了，政府给老人发的那个钱咋领", "户照过期了怎么换")) {
                assertThat(fromJar.search(question, 3)).isEqualTo(Knowledge.lucene().search(question, 3));
            }
            assertThat(shipped.health().documents()).isEqualTo(Knowledge.BASE.entries().size());
            // built from other entries, it is not used
            assertThat(shipped.openShipped(Knowledge.indexedEntries().subList(1, 5))).isFalse();
        }
    }

    @Test
    void theJarShipsTheEntriesAnalyzedSoStartUpAnalyzesNoneAndGetsWhatTheAnalyzerGives() {
        ShippedAnalyzedEntries.Analysis fromJar = ShippedAnalyzedEntries.analyze(Knowledge.BASE.entries(), Knowledge.ANALYZER);
        assertThat(fromJar.analyzedNow()).as("entries analyzed at start-up").isEmpty();
        assertThat(fromJar.entries()).isEqualTo(IndexedEntry.analyzeAll(Knowledge.BASE.entries(), Knowledge.ANALYZER));
    }

    @Test
    void anEntryChangedSinceTheBuildIsAnalyzedAgainAndTheOthersAreReused() {
        KnowledgeEntry entry = Knowledge.BASE.entries().iterator().next();
        KnowledgeEntry changed = new KnowledgeEntry(entry.id(), entry.title(), "办理这件事要去哪里？", entry.variants(),
                entry.answer(), entry.category(), entry.department(), entry.domain(), entry.kind(), entry.offerRequest(),
                entry.tags(), entry.updatedAt());
        List<KnowledgeEntry> entries = new java.util.ArrayList<>(Knowledge.BASE.entries());
        entries.set(0, changed);
        ShippedAnalyzedEntries.Analysis analysis = ShippedAnalyzedEntries.analyze(entries, Knowledge.ANALYZER);
        assertThat(analysis.analyzedNow()).containsExactly(entry.id());
        assertThat(analysis.entries().get(0)).isEqualTo(IndexedEntry.of(changed, Knowledge.ANALYZER));
        assertThat(analysis.entries().get(0).field(SearchField.QUESTIONS)).contains("哪里");
        assertThat(analysis.entries()).isEqualTo(IndexedEntry.analyzeAll(entries, Knowledge.ANALYZER));
    }

    @Test
    void anEntryChangedSinceTheBuildIsEmbeddedAgainAndTheOthersAreReused() {
        KnowledgeEntry entry = Knowledge.BASE.entries().iterator().next();
        KnowledgeEntry changed = new KnowledgeEntry(entry.id(), entry.title(), "办理这件事要去哪里？", entry.variants(),
                entry.answer(), entry.category(), entry.department(), entry.domain(), entry.kind(), entry.offerRequest(),
                entry.tags(), entry.updatedAt());
        int[] embedded = {0};
        EntryVectors vectors = ShippedEntryVectors.load(List.of(changed), BgeSmallZhEmbedder.MODEL, () -> text -> {
            embedded[0]++;
            return Knowledge.embedder().embed(text);
        });
        assertThat(embedded[0]).isEqualTo(EntryTexts.of(changed).size());
        assertThat(vectors.byEntry().get(entry.id()).fingerprint()).isEqualTo(EntryTexts.fingerprint(changed, BgeSmallZhEmbedder.MODEL));
    }

    @Test
    void theModelPutsAQuestionNearItsParaphraseAndFarFromAnotherTopic() {
        byte[] pension = EntryVectors.quantize(Knowledge.embedder().embed("退休以后养老金怎么领"));
        byte[] paraphrase = EntryVectors.quantize(Knowledge.embedder().embed("老了以后退休工资去哪里领取"));
        byte[] other = EntryVectors.quantize(Knowledge.embedder().embed("护照过期了怎么换新的"));
        assertThat(Knowledge.embedder().embed("退休以后养老金怎么领")).hasSize(BgeSmallZhEmbedder.DIMENSIONS);
        assertThat(org.apache.lucene.util.VectorUtil.cosine(pension, paraphrase))
                .isGreaterThan(org.apache.lucene.util.VectorUtil.cosine(pension, other) + 0.1f);
    }

    @Test
    void meaningFindsADialectQuestionThatSharesNoWordWithItsEntry() {
        KnowledgeSearch search = Knowledge.lucene();
        assertThat(search.ranksByMeaning()).isTrue();
        assertThat(search.search("俺娘七十好几了，政府给老人发的那个钱咋领", 1).get(0).entry().id()).isEqualTo("gljt-apply");
    }
}
