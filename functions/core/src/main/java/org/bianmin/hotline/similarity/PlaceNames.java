package org.bianmin.hotline.similarity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;

/**
 * The place names a request mentions, read with Chinese address grammar over the analyzer's segmentation: a proper
 * name of one to three words directly followed by a word naming a kind of place (路, 街, 巷, 小区, 花园, 苑, 村, 镇,
 * 学校, ...), as in 桂花路, 米兰春天小区, 金鼎村, 第一中学.
 *
 * <p>Three rules keep sentence fragments out (the old pattern took 晚上路灯 for the place 晚上路, and 导致小区 for a
 * compound):
 * <ul>
 * <li>the kind word must end a word of the segmentation: 路 in 路灯, 路口 or 路面, 城 in 城市 or 城管, 村 in 村民 is no
 * place ending (village and town organs, 村委会 or 镇政府, still end the place before them);</li>
 * <li>the name is made of adjacent words only, and stops at whatever the analyzer drops (punctuation and stop words
 * such as 的, 在, 我们, 这), at an administrative unit written before it (A2区, 某市, 某省, 街道: the name restarts
 * after it) and at a sentence word ({@link #SENTENCE_WORDS}: verbs, adverbs and positions that introduce a place in
 * a sentence but are never part of its name, such as 导致, 影响, 旁边, 附近);</li>
 * <li>a name with fewer than three characters, or only a kind of place (小区, 安置小区), is none.</li>
 * </ul>
 * Districts and counties alone (A3区, A7县) are too coarse to say two requests concern the same place and are left
 * out; a facility word such as 搅拌站 or 垃圾站 is the problem, not the place, so 站 counts only in 车站 and 南站.
 */
public final class PlaceNames {

    /** Kinds of place, longest first so that 街道 wins over 街 and 小学 over 学. */
    private static final List<String> KINDS = List.of("幼儿园", "工业园", "卫生院", "大道", "小区", "花园", "家园", "公寓",
            "大厦", "广场", "公园", "社区", "街道", "学校", "中学", "小学", "大学", "学院", "医院", "市场", "商场", "楼盘",
            "项目", "酒店", "宾馆", "车站", "东站", "南站", "西站", "北站", "码头", "新村", "路", "街", "巷", "弄", "村", "组",
            "镇", "乡", "苑", "府", "湾", "城", "园", "桥");
    /** Organs named after a village, town or street whose name they follow: 金鼎村委会 names the place 金鼎村. */
    private static final Pattern ORGAN_TAIL = Pattern.compile("^(?:委会|委|民委员会|民小组|政府|党委|办事处|办)$");
    /** Words that end in a kind of place but say where something happens, not which place: 临街 is "on the street". */
    private static final Set<String> NOT_PLACES = Set.copyOf(List.of("临街", "沿街", "上街", "逛街", "当街", "满街", "进城", "回村",
            "下乡", "城乡", "进村", "出村", "全村", "全镇", "全乡", "本村", "我村", "该村", "本组", "该组", "过桥", "小组",
            "道路", "马路", "线路", "电路", "回路", "出路", "思路", "之路", "必经之路", "修路", "走路", "让路", "绕路", "带路",
            "网路", "水路", "一路", "半路", "上路", "迷路", "套路", "后路", "退路", "快速路", "主路", "辅路"));
    /** Units of the administrative division: a name never runs across them (A2区丽发新城 is the place 丽发新城). */
    private static final Set<String> DIVISIONS = Set.of("省", "市", "区", "县", "镇", "乡", "街道", "社区", "片区", "城区");
    /**
     * Words that introduce a place in a sentence and are never part of its name: verbs and adverbs citizens write
     * right before a place (导致小区, 严重影响小区, 关注某某小区), positions (旁边, 附近, 对面), and modifiers of a kind
     * (整个, 周边, 安置, 配套) that would make two unrelated compounds share a "place".
     */
    private static final Set<String> SENTENCE_WORDS = Set.copyOf(List.of("导致", "影响", "严重", "关注", "修建", "新建", "建成", "搬迁",
            "搬到", "搬至", "位于", "属于", "地处", "座落", "坐落", "就读", "读书", "上学", "购买", "购房", "入住", "居住", "住在",
            "靠近", "紧邻", "毗邻", "临近", "邻近", "隔壁", "旁边", "附近", "周边", "周围", "对面", "门口", "楼下", "背后", "后面",
            "前面", "整个", "所在", "现有", "原有", "部分", "相关", "安置", "配套", "全部", "所有", "其他", "其它", "每个", "各个",
            "包括", "经过", "通往", "前往", "进入", "进出", "途经", "沿线", "反映", "反应", "投诉", "举报", "咨询", "建议", "希望",
            "要求", "恳请", "请求", "关于", "针对", "对于", "由于", "因为", "所以", "但是", "而且", "并且", "然后", "如果", "还是",
            "现在", "目前", "已经", "一直", "最近", "近日", "现", "原", "该", "本", "此", "其", "整", "各", "每", "晚上", "白天",
            "早上", "凌晨", "夜间", "中午", "下午", "上午", "今年", "去年", "明年", "当时", "同时", "同意", "不同意", "坚决", "反对",
            "支持", "严禁", "禁止", "违规", "违法", "非法", "私自", "擅自", "强行", "强制", "业主", "居民", "市民", "群众", "学生",
            "家长", "孩子", "小孩", "老人", "开发商", "物业", "政府", "部门", "领导", "您好", "你好", "尊敬", "为什么", "为了", "为何",
            "因此", "比如", "例如", "根据", "处于", "每天", "每晚", "总是", "通过", "还有", "以及", "它们", "解决", "维护",
            "保障", "破坏", "毁坏", "堵塞", "阻断", "发展", "调整", "整治", "改造", "治理", "规划", "开发", "打造",
            "求助", "报告", "感谢", "相信", "住宅", "高层", "老旧", "整体", "原来", "以前", "之前", "早前", "后来",
            "为", "因", "对", "中", "条", "次", "段", "从", "向", "往", "由", "于", "以", "等", "所", "座", "家", "个", "位",
            "将", "让", "使", "给", "被", "把", "到", "至", "离", "距", "近", "每", "另", "某", "即", "若", "如", "但", "而",
            "且", "并", "才", "已", "正", "便", "去", "来", "多", "几", "处", "到达", "设置", "设立", "开设", "开办", "建立",
            "成立", "作为", "成为", "造成", "使得", "本来", "预留", "拟建", "拟", "建", "设", "堵住", "占用", "出入", "往来",
            "紧挨", "紧挨着", "紧临", "比", "更", "适合", "介绍", "变更", "宣传", "代表", "督办", "简称", "明确", "指出", "存在",
            "仅仅", "只有", "可是", "众多", "优先", "入读", "获得", "安排", "以至", "任由", "打破", "区域", "不宜", "左转",
            "右转", "直行", "路过", "充分", "发挥"));
    private static final Set<String> TOO_GENERIC = Set.copyOf(List.of("小区", "社区", "村", "组", "镇", "乡", "街道", "学校", "医院",
            "市场", "路", "街", "城", "园", "站", "项目", "楼盘", "公园", "广场", "城区", "农村", "县城", "道路", "马路", "公路",
            "铁路", "线路", "支路", "小路", "大路", "老路", "新路", "商业街", "步行街", "大街", "小街", "老街", "新村", "新城",
            "老城", "古城", "卫星城", "大学城", "科技园", "产业园", "工业园", "物流园", "菜市场", "农贸市场", "中小学",
            "幼儿园", "小学", "中学", "大学", "学院", "卫生院", "公寓", "大厦", "花园", "家园", "酒店", "宾馆", "车站", "码头",
            "建设项目", "住宅小区", "生活小区", "商品房小区", "老旧小区", "安置小区", "普惠性幼儿园", "外国语学校", "人民医院",
            "火车站", "汽车站", "高铁站", "屋顶花园"));
    /**
     * Runs such as 小区附近, 新小区, 幼儿园 or 城小区 (one character and a kind of place: the tail of two different
     * names) that two unrelated places share.
     */
    private static final Pattern GENERIC_RUN = Pattern.compile(
            "^(?:[A-Za-z]\\d*[区县市]?|[新老旧大小二三四五六一期号栋]|附近|旁边|门口|周边)*\\p{IsHan}?(?:小区|社区|街道|村|组|镇|乡|学校|医院|市场|项目|楼盘|城区|附近|县城|广场|公园"
                    + "|幼儿园|小学|中学|大学|学院|卫生院|花园|家园|公寓|大厦)?(?:附近|旁边|门口|周边)?$");
    /** Leading characters of an anonymised or written-out division that the segmentation leaves on a name. */
    private static final Pattern LEADING_DIVISION = Pattern.compile("^(?:[A-Za-z]\\d*[区县市]?)+");
    /** The most words of a name before its kind word, and its most characters: longer runs are sentences. */
    static final int MAX_NAME_WORDS = 5;
    static final int MAX_NAME_LENGTH = 7;

    private PlaceNames() {
    }

    /** Whether a name (or a run shared by two names) is only a kind of place, no place in particular. */
    public static boolean isGeneric(String name) {
        return TOO_GENERIC.contains(name) || GENERIC_RUN.matcher(name).matches();
    }

    /** The place names of a text, each once, in the order they are written. */
    public static Set<String> of(String text, ChineseAnalyzer analyzer) {
        if (text == null || text.isBlank()) {
            return new LinkedHashSet<>();
        }
        return of(analyzer.analysis(text));
    }

    /** The place names of an analysed text (the analysis the problem words are read from too). */
    public static Set<String> of(ChineseAnalyzer.Analysis analysis) {
        Set<String> places = new LinkedHashSet<>();
        String text = analysis.text();
        List<int[]> spans = analysis.spans();
        for (int i = 0; i < spans.size(); i++) {
            int end = placeEnd(text, spans.get(i));
            if (end < 0) {
                continue;
            }
            int start = spans.get(i)[0];
            int words = 0;
            for (int j = i - 1; j >= 0 && words < MAX_NAME_WORDS; j--) {
                int[] word = spans.get(j);
                String token = text.substring(word[0], word[1]);
                if (word[1] != start || DIVISIONS.contains(token) || SENTENCE_WORDS.contains(token)
                        || end - word[0] > MAX_NAME_LENGTH + kindLength(text, spans.get(i), end)) {
                    break;
                }
                start = word[0];
                words++;
            }
            String name = LEADING_DIVISION.matcher(text.substring(start, end)).replaceFirst("");
            if (name.codePointCount(0, name.length()) >= 3 && !isGeneric(name)) {
                places.add(name);
            }
        }
        return places;
    }

    /**
     * Where a place ends in this word, or -1: at the word's end when it ends with a kind of place (东路, 新城, 小区),
     * or before an organ's tail (金鼎村委会 -> 金鼎村).
     */
    private static int placeEnd(String text, int[] span) {
        String word = text.substring(span[0], span[1]);
        if (NOT_PLACES.contains(word) || word.endsWith("政府")) {
            return -1;
        }
        for (String kind : KINDS) {
            if (word.endsWith(kind)) {
                return span[1];
            }
            int at = word.indexOf(kind);
            if (at >= 0 && ORGAN_TAIL.matcher(word.substring(at + kind.length())).matches()) {
                return span[0] + at + kind.length();
            }
        }
        return -1;
    }

    private static int kindLength(String text, int[] span, int end) {
        String word = text.substring(span[0], end);
        return KINDS.stream().filter(word::endsWith).findFirst().map(String::length).orElse(0);
    }
}
