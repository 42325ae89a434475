package org.bianmin.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.analysis.PinyinFolding;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;

/**
 * Matching by sound: a question a speech recognizer misheard has the pinyin of the question that was asked, and
 * the shipped knowledge base answers it; a question that matches by words is ranked as it was without pinyin.
 */
class PinyinMatchingTest {

    private static final ChineseAnalyzer analyzer = Knowledge.ANALYZER;

    @Test
    void foldsTheSoundsRecognizersConfuse() {
        assertThat(PinyinFolding.fold("zhao")).isEqualTo(PinyinFolding.fold("zao"));
        assertThat(PinyinFolding.fold("chong")).isEqualTo(PinyinFolding.fold("cong"));
        assertThat(PinyinFolding.fold("shi")).isEqualTo(PinyinFolding.fold("si"));
        assertThat(PinyinFolding.fold("lan")).isEqualTo(PinyinFolding.fold("nan"));
        assertThat(PinyinFolding.fold("fu")).isEqualTo(PinyinFolding.fold("hu"));
        assertThat(PinyinFolding.fold("bang")).isEqualTo(PinyinFolding.fold("ban"));
        assertThat(PinyinFolding.fold("zheng")).isEqualTo(PinyinFolding.fold("zen"));
        assertThat(PinyinFolding.fold("xing")).isEqualTo(PinyinFolding.fold("xin"));
        assertThat(PinyinFolding.fold("liang")).isEqualTo(PinyinFolding.fold("nian"));
        // what is not confused stays apart
        assertThat(PinyinFolding.fold("ba")).isNotEqualTo(PinyinFolding.fold("pa"));
    }

    @Test
    void misheardWordsHaveThePinyinOfTheWordsMeant() {
        assertThat(analyzer.pinyinTokens("公鸡金怎么提取")).isEqualTo(analyzer.pinyinTokens("公积金怎么提取"))
                .containsExactly("gong_ji", "ji_jin", "jin_ti", "ti_qu");
        assertThat(analyzer.pinyinTokens("户照过期了")).isEqualTo(analyzer.pinyinTokens("护照过期了"));
        assertThat(analyzer.pinyinTokens("设保卡丢了")).isEqualTo(analyzer.pinyinTokens("社保卡丢了"));
        // tone and the folded confusions do not matter: 身分证 (shen fen) against 身份证, 森份证 (sen) too
        assertThat(analyzer.pinyinTokens("森份证到期")).isEqualTo(analyzer.pinyinTokens("身份证到期"));
    }

    @Test
    void pairsDoNotSpanPunctuationAndSkipStopWords() {
        assertThat(analyzer.pinyinTokens("护照，社保")).containsExactly("hu_zao", "se_bao");
        assertThat(analyzer.pinyinTokens("的了吗")).isEmpty();
        assertThat(analyzer.pinyinTokens("hpv 12345")).isEmpty();
    }

    @Test
    void theKnowledgeBaseAnswersMisheardQuestions() {
        KnowledgeSearch search = Knowledge.lucene();
        assertThat(search.search("公鸡金怎么提取出来交房租", 1).get(0).entry().id()).startsWith("gjj-rent-withdrawal");
        assertThat(search.search("户照过期了怎么换", 1).get(0).entry().id()).isEqualTo("crj-passport-renew");
        assertThat(search.search("小孩打一苗的时间表", 1).get(0).entry().id()).isEqualTo("ym-child-schedule");
        assertThat(search.search("设保卡丢了怎么不办", 1).get(0).entry().id()).startsWith("sbk-");
        // by sound the right entry covers the question well enough to be answered, not handed off
        assertThat(search.search("户照过期了怎么换", 1).get(0).coverage()).isGreaterThanOrEqualTo(0.35);
    }

    @Test
    void aQuestionWellCoveredByWordsIsRankedByWordsAlone() {
        // the ranking by words, before the fusion with the ranking by meaning
        KnowledgeSearch search = new KnowledgeSearch(Knowledge.BASE, analyzer,
                new org.bianmin.knowledge.infrastructure.LuceneKnowledgeIndex(), Knowledge.indexedEntries());
        search.rebuildIndex();
        String question = "新生儿怎么上户口";
        assertThat(search.search(question, 5)).isEqualTo(search.search(search.query(question).withoutPinyin(), 5));
    }
}
