package org.bianmin.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.junit.jupiter.api.Test;

/**
 * Shows the tokens the one project analyzer produces for phrases SmartCN alone gets wrong, and that every
 * spelling of a concept folds onto one token.
 */
class ChineseAnalyzerTest {

    private static final ChineseAnalyzer analyzer = ChineseAnalyzer.withDefaultResources();

    @Test
    void keepsDomainTermsWholeWhereSmartCnSplitsThem() {
        assertThat(analyzer.tokens("租房可以提取公积金吗")).containsExactly("租房", "提取", "住房公积金");
        assertThat(analyzer.tokens("一网通办怎么注册")).containsExactly("一网通办", "注册");
        assertThat(analyzer.tokens("社保卡丢了怎么补办")).containsExactly("社会保障卡", "丢失", "补办");
    }

    @Test
    void foldsSynonymsOntoOneCanonicalToken() {
        assertThat(analyzer.tokens("医保")).containsExactly("医疗保险");
        assertThat(analyzer.tokens("医疗保险")).containsExactly("医疗保险");
        assertThat(analyzer.tokens("驾照到期换证")).containsExactly("驾驶证", "到期", "换证");
        assertThat(analyzer.tokens("户口迁移")).containsExactly("户籍", "迁移");
        assertThat(analyzer.tokens("身份证丢了")).startsWith("居民身份证");
        assertThat(analyzer.tokens("社保断缴")).containsExactly("社会保险", "断缴");
    }

    @Test
    void dropsStopWordsAndPunctuation() {
        assertThat(analyzer.tokens("请问，我想问一下怎么办理居住证？")).containsExactly("居住证");
    }

    @Test
    void foldsFullWidthAndCaseSoLatinAndDigitsMatch() {
        assertThat(analyzer.tokens("ＨＰＶ疫苗")).containsExactly("hpv", "疫苗");
        assertThat(analyzer.tokens("打12345热线")).contains("12345");
    }

    @Test
    void treatsQuerySyntaxAsPlainText() {
        assertThat(analyzer.tokens("公积金 AND (提取) : * ~ \" \\")).containsExactly("住房公积金", "and", "提取");
    }

    @Test
    void producesNoTokensForBlankOrSymbolOnlyText() {
        assertThat(analyzer.tokens("   ")).isEmpty();
        assertThat(analyzer.tokens("？？！！……")).isEmpty();
    }
}
