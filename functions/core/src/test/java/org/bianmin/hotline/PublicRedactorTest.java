package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import org.bianmin.hotline.model.PublicRedactor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the public Open311 listing may show of a citizen's description and address. */
class PublicRedactorTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "请联系13812345678处理", "请联系138 1234 5678处理", "请联系138-1234-5678处理", "请联系138.1234.5678处理",
            "请联系+86 138 1234 5678处理", "请联系+8613812345678处理", "请联系0086-138-1234-5678处理",
            "请联系１３８１２３４５６７８处理", "请联系＋８６　１３８　１２３４　５６７８处理", "请联系(0571)8888-1234处理",
            "请联系0571-88881234处理", "请联系 138 - 1234 - 5678 处理", "请联系1 3 8 1 2 3 4 5 6 7 8处理",
            "身份证330203199001011234处理", "身份证 330203 19900101 1234 处理", "身份证33020319900101123X处理",
            "身份证３３０２０３１９９００１０１１２３Ｘ处理", "银行卡6222 0210 0111 2222 333处理"})
    void numbersInEveryWritingAreHidden(String text) {
        String redacted = PublicRedactor.text(text);
        assertThat(redacted.replaceAll("\\D", "").length()).as(redacted).isLessThan(4);
        assertThat(redacted).contains(PublicRedactor.HIDDEN).startsWith(text.substring(0, 2)).endsWith("处理");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "我叫张三，家门口路灯坏了|张三",
            "我叫欧阳明明，家门口路灯坏了|欧阳明明",
            "联系人：李四 电话稍后告知|李四",
            "姓名:王小五，投诉噪音|王小五",
            "我是刘德华，楼下烧烤扰民|刘德华",
            "请找物业的陈先生|陈先生",
            "隔壁的黄阿姨家漏水|黄阿姨",
            "邮箱zhang.san@example.com收到回复|zhang.san@example.com",
            "车牌浙B12345的车堵了消防通道|浙B12345",
            "车牌浙B D12345的车堵了消防通道|D12345"})
    void namesMailAndPlatesAreHidden(String text, String hidden) {
        assertThat(PublicRedactor.text(text)).doesNotContain(hidden);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "我家在柳汀新村3单元502室，楼道漏水|502",
            "幸福小区5栋1201楼上噪音|1201",
            "幸福小区12号楼2单元楼道灯坏了|12号楼",
            "住在3-2-502，水管爆了|502"})
    void roomsInDescriptionsAreHidden(String text, String hidden) {
        String redacted = PublicRedactor.text(text);
        assertThat(redacted).doesNotContain(hidden).contains(PublicRedactor.HIDDEN);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "东湖区桂花路18号|东湖区桂花路",
            "东湖区桂花路18号柳汀新村3单元502室|东湖区桂花路柳汀新村",
            "柳汀新村3单元502室|柳汀新村",
            "幸福小区5栋1201|幸福小区",
            "幸福小区12号楼2单元301|幸福小区",
            "幸福小区 3-2-502|幸福小区",
            "桂花路１８号３单元５０２室|桂花路",
            "中山东路88弄7号|中山东路",
            "人民广场|人民广场",
            "滨江花园二期七栋三单元|滨江花园二期"})
    void addressesAreCutToTheStreetOrCompound(String address, String expected) {
        assertThat(PublicRedactor.address(address)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"路灯2026-11-20晚上开始不亮", "垃圾桶已经3天没有清运了", "噪音从22:30持续到凌晨2点",
            "附近有5000多户居民受影响", "11月3号开始停水"})
    void ordinaryWordsAndSmallNumbersStay(String text) {
        assertThat(PublicRedactor.text(text)).isEqualTo(text);
    }

    /**
     * A long message as citizens write them (and as the corrections export hands them to training): every phone,
     * ID number and name goes, the complaint itself stays readable.
     */
    @org.junit.jupiter.api.Test
    void aRealisticMessageLosesPhonesIdNumbersAndNamesButKeepsTheComplaint() {
        String message = "尊敬的领导：我是东湖区桂花苑小区的业主张先生，联系电话13905741234。小区门口的路灯从11月3号开始就不亮了，"
                + "晚上老人孩子出门很危险。物业的李女士说已经报给王某某了，可到现在没人来修。我母亲（身份证号330203195501011234）"
                + "前天晚上还摔了一跤。另外，楼下邻居刘某的电话是0574-87654321，他也反映过。请尽快处理，谢谢！";
        String redacted = PublicRedactor.text(message);
        assertThat(redacted).doesNotContain("13905741234", "330203195501011234", "87654321", "张先生", "李女士", "王某某",
                "刘某");
        assertThat(redacted.replaceAll("\\D", "")).as(redacted).hasSizeLessThan(6);
        assertThat(redacted).contains("某先生", "某女士", PublicRedactor.SOMEONE, "路灯", "11月3号开始就不亮了", "摔了一跤");
    }
}
