package org.bianmin.hotline.similarity;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The place names a request mentions: runs of Chinese characters, letters and digits that end in a word naming a
 * road, compound, village, school or similar (桂花路, 米兰春天小区, 金鼎村, 第一中学), the longest form kept. Districts
 * and counties alone (A3区, A7县) are too coarse to say two requests concern the same place and are left out; a
 * facility word such as 搅拌站 or 垃圾站 is the problem, not the place, so 站 counts only in 车站 and 南站.
 */
public final class PlaceNames {

    private static final Pattern PLACE = Pattern.compile(
            "[\\p{IsHan}A-Za-z0-9]{1,12}?(?:大道|路|街|巷|小区|花园|家园|公寓|大厦|广场|公园|社区|村|组|镇|乡|街道|学校|中学|小学"
                    + "|幼儿园|大学|学院|医院|卫生院|市场|商场|苑|府|湾|城|园|桥|楼盘|项目|酒店|宾馆|工业园|车站|[东南西北]站|码头)");
    /** Leading words that belong to the sentence, not to the name (我们小区 -> 小区 is no name at all). */
    private static final Pattern LEADING_NOISE = Pattern.compile(
            "^(?:[A-Z]\\d*[区县市])?(?:反映|关于|投诉|举报|咨询|请问|希望|建议|我们|我家|本人|位于|座落在|坐落在|地处|在|的|和|与|及|对|是|我|市)+");
    private static final Set<String> TOO_GENERIC = Set.of("小区", "社区", "村", "组", "镇", "乡", "街道", "学校", "医院",
            "市场", "路", "街", "城", "园", "站", "项目", "楼盘", "公园", "广场", "本村", "该小区", "我村", "城区", "农村", "县城");

    /** Endings that look like a place word but are not one: 政府 (尊敬的政府), 临街 (小区临街 means "on the street"). */
    private static final Pattern NOT_A_PLACE = Pattern.compile("(?:政府|临街|沿街)$");
    /**
     * Runs such as 小区附近, 新小区, 幼儿园 or 城小区 (one character and a kind of place: the tail of two different
     * names, or a verb before 小区 as in 导致小区) that two unrelated places share.
     */
    private static final Pattern GENERIC_RUN = Pattern.compile(
            "^(?:[A-Z]\\d*[区县市]?|[新老旧大小二三四五六一期号栋]|附近|旁边|门口|周边)*\\p{IsHan}?(?:小区|社区|街道|村|组|镇|乡|学校|医院|市场|项目|楼盘|城区|附近|县城|广场|公园"
                    + "|幼儿园|小学|中学|大学|学院|卫生院|花园|家园|公寓|大厦)?(?:附近|旁边|门口|周边)?$");

    private PlaceNames() {
    }

    /** Whether a name (or a run shared by two names) is only a kind of place, no place in particular. */
    public static boolean isGeneric(String name) {
        return TOO_GENERIC.contains(name) || GENERIC_RUN.matcher(name).matches();
    }

    public static Set<String> of(String text) {
        Set<String> places = new LinkedHashSet<>();
        if (text == null) {
            return places;
        }
        Matcher matcher = PLACE.matcher(text);
        while (matcher.find()) {
            String name = LEADING_NOISE.matcher(matcher.group()).replaceFirst("");
            if (name.codePointCount(0, name.length()) >= 3 && !TOO_GENERIC.contains(name) && !NOT_A_PLACE.matcher(name).find()) {
                places.add(name);
            }
        }
        return places;
    }
}
