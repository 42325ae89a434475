package org.bianmin.hotline.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;

/**
 * Place names read with address grammar: a proper name directly before a kind of place that ends a word, never a
 * sentence fragment (the old pattern's 晚上路 of 晚上路灯, or 导致小区).
 */
class PlaceNamesTest {

    private static java.util.Set<String> places(String text) {
        return PlaceNames.of(text, Knowledge.ANALYZER);
    }

    @Test
    void aKindOfPlaceInsideAWordIsNoPlaceEnding() {
        assertThat(places("每天晚上路灯都不亮，走路很危险")).isEmpty();
        assertThat(places("城市管理部门对城管执法的回复")).isEmpty();
    }

    @Test
    void aNameStopsAtDivisionsStopWordsAndSentenceWords() {
        assertThat(places("A2区桂花新城小区旁边修建搅拌站")).contains("桂花新城小区")
                .noneMatch(p -> p.startsWith("区") || p.contains("旁边") || p.contains("搅拌"));
        assertThat(places("停水导致小区居民无法做饭")).isEmpty();
        assertThat(places("我们小区门口的路面坏了")).isEmpty();
    }

    @Test
    void organsOfAVillageNameTheVillage() {
        assertThat(places("金鼎村委会不作为")).contains("金鼎村");
    }

    @Test
    void governmentsAndStreetSidesAreNoPlaces() {
        assertThat(places("恳请市政府和区政府关注")).isEmpty();
        assertThat(places("小区临街门面油烟扰民")).isEmpty();
    }

    @Test
    void roadsAndCompoundsAreFound() {
        assertThat(places("红旗路与韶山路之间的青松花园小区")).contains("红旗路", "韶山路", "青松花园小区");
    }
}
