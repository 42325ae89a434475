package org.bianmin.inquiry.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bianmin.knowledge.model.AnswerSection;

/**
 * Recognises questions about one aspect of a topic ("要带什么材料", "在哪里办", "多少钱") and tells which
 * answer section they ask for. Whether the question is a follow-up of the previous topic or a new question
 * that names its own topic ("办护照要带什么材料") is decided by {@link AnsweringInquiry}.
 */
final class FollowUpDetector {

    /** A follow-up is short; a long text with 材料 in it is a new question. */
    static final int MAX_FOLLOW_UP_LENGTH = 30;

    private static final Map<AnswerSection, Pattern> CUES = new LinkedHashMap<>();

    static {
        CUES.put(AnswerSection.MATERIALS, Pattern.compile("材料|资料|带什么|带啥|带哪些|准备什么|准备啥|什么证件|哪些证件|证件"));
        CUES.put(AnswerSection.ONLINE, Pattern.compile("网上|线上|手机上|手机办|app|小程序|不用跑|网办|掌上|在家办"));
        CUES.put(AnswerSection.WHERE, Pattern.compile("在哪|哪里办|去哪|到哪|哪儿|地址|地点|窗口|什么地方"));
        CUES.put(AnswerSection.FEES, Pattern.compile("多少钱|收费|费用|要钱|花钱|免费|收钱|交钱"));
        CUES.put(AnswerSection.TIME_LIMIT, Pattern.compile("多久|几天|多长时间|时限|办结|多快|什么时候能|啥时候能|要等"));
        CUES.put(AnswerSection.HOURS, Pattern.compile("几点|上班时间|营业时间|工作时间|办公时间|周末|节假日|开门|下班"));
        CUES.put(AnswerSection.PHONE, Pattern.compile("电话|热线|联系方式|打哪个|号码"));
        CUES.put(AnswerSection.STEPS, Pattern.compile("流程|步骤|怎么办理|怎么弄|怎么操作|手续|怎么申请|怎么办"));
    }

    /** The section a short aspect question asks for, if any. */
    Optional<AnswerSection> askedSection(String text) {
        if (text.length() > MAX_FOLLOW_UP_LENGTH) {
            return Optional.empty();
        }
        String normalized = text.toLowerCase();
        for (Map.Entry<AnswerSection, Pattern> cue : CUES.entrySet()) {
            if (cue.getValue().matcher(normalized).find()) {
                return Optional.of(cue.getKey());
            }
        }
        return Optional.empty();
    }

    /** The text without its aspect words: what is left names a topic, if anything. */
    String withoutCues(String text) {
        String rest = text.toLowerCase();
        for (Pattern pattern : CUES.values()) {
            Matcher matcher = pattern.matcher(rest);
            rest = matcher.replaceAll(" ");
        }
        return rest;
    }
}
