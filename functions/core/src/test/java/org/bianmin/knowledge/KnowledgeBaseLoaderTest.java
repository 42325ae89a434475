package org.bianmin.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.bianmin.knowledge.application.KnowledgeBaseException;
import org.bianmin.knowledge.application.KnowledgeBaseLoader;
import org.bianmin.knowledge.model.Domain;
import org.bianmin.knowledge.model.EntryKind;
import org.bianmin.knowledge.model.KnowledgeEntry;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;

class KnowledgeBaseLoaderTest {

    private static final String VALID = """
            {"id":"demo-entry","title":"演示条目","question":"这是什么？","variants":["一","二","三"],\
            "answer":{"summary":"这是演示。","where":"各区政务服务中心","fees":"免费"},"category":"演示",\
            "department":"市政务服务和数据管理局","domain":"党务政务","kind":"GOVERNMENT","offerRequest":false,\
            "tags":["演示"],"updatedAt":"2026-11-01"}""";

    private final KnowledgeBaseLoader loader = new KnowledgeBaseLoader();

    @Test
    void shipsAtLeastFourHundredValidEntriesCoveringEveryDomainUsedByTheHotline() {
        assertThat(Knowledge.BASE.size()).isGreaterThanOrEqualTo(400);
        Set<Domain> domains = Knowledge.BASE.entries().stream().map(KnowledgeEntry::domain).collect(Collectors.toSet());
        assertThat(domains).hasSizeGreaterThanOrEqualTo(12);
        assertThat(Knowledge.BASE.entries()).allSatisfy(e -> {
            assertThat(e.variants()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(new HashSet<>(e.variants())).as("distinct variants of %s", e.id()).hasSize(e.variants().size());
        });
    }

    @Test
    void cityProblemsAndDispatchedHelpOfferToFileARequest() {
        assertThat(Knowledge.BASE.entries().stream().filter(e -> e.kind() == EntryKind.CITY_PROBLEM))
                .isNotEmpty().allMatch(KnowledgeEntry::offerRequest);
        assertThat(Knowledge.BASE.entries().stream().filter(e -> e.kind() == EntryKind.SERVICE && e.offerRequest()))
                .hasSizeGreaterThan(20);
    }

    @Test
    void coversTheTopicsTheHotlineIsAskedAboutMost() {
        String titles = Knowledge.BASE.entries().stream().map(e -> e.title() + e.category() + String.join("", e.tags()))
                .collect(Collectors.joining("|"));
        for (String topic : Arrays.asList("公积金", "医保", "社保卡", "养老", "失业", "生育", "个税", "户口", "身份证",
                "居住证", "结婚", "不动产", "营业执照", "公租房", "人才", "低保", "残疾", "老年", "退役军人", "护照",
                "驾驶证", "违法", "犬", "入学", "疫苗", "家庭医生", "租赁", "无犯罪", "噪音", "占道", "路灯", "垃圾",
                "物业", "电动", "烟", "充电", "开锁", "疏通", "维修", "家政", "助餐", "药店", "法律援助", "心理",
                "停水", "停电", "燃气")) {
            assertThat(titles).as("an entry about %s", topic).contains(topic);
        }
    }

    @Test
    void aBrokenLineFailsWithItsFileAndLineNumber() {
        String file = VALID + "\n" + VALID.replace("demo-entry", "demo-two").replace("\"三\"", "") + "\n";
        assertThatThrownBy(() -> read(file.replace(",]", "]")))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessage("test.jsonl:2: needs at least 3 variants, has 2");
    }

    @Test
    void rejectsMalformedJsonUnknownDomainsAndUnknownFields() {
        assertThatThrownBy(() -> read(VALID + "\n{\"id\":")).hasMessageStartingWith("test.jsonl:2: invalid JSON");
        assertThatThrownBy(() -> read(VALID.replace("党务政务", "天气"))).hasMessage("test.jsonl:1: unknown domain '天气'");
        assertThatThrownBy(() -> read(VALID.replace("\"tags\"", "\"tagz\""))).hasMessage("test.jsonl:1: unknown field 'tagz'");
        assertThatThrownBy(() -> read(VALID.replace("2026-11-01", "yesterday")))
                .hasMessageContaining("'updatedAt' must be an ISO date");
        assertThatThrownBy(() -> read(VALID.replace(",\"where\":\"各区政务服务中心\"", "")))
                .hasMessageContaining("at least two more sections");
        assertThatThrownBy(() -> read(VALID.replace("\"kind\":\"GOVERNMENT\"", "\"kind\":\"CITY_PROBLEM\"")))
                .hasMessageContaining("must offer to file a request");
    }

    @Test
    void parsesAValidEntry() throws Exception {
        KnowledgeEntry entry = loader.read("test.jsonl", stream(VALID)).get(0);
        assertThat(entry.id()).isEqualTo("demo-entry");
        assertThat(entry.domain()).isEqualTo(Domain.PARTY_GOVERNMENT_AFFAIRS);
        assertThat(entry.answer().fullText()).contains("这是演示。", "办理地点：各区政务服务中心", "收费标准：免费");
    }

    private void read(String content) throws Exception {
        loader.read("test.jsonl", stream(content));
    }

    private static ByteArrayInputStream stream(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }
}
