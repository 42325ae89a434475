package org.bianmin.hotline.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides what of a citizen's words may be shown to the public (the Open311 listing): phone,
 * ID, bank-card and other long numbers however they are written (spaces, dashes, dots, {@code +86}, full-width
 * digits), e-mail addresses, licence plates, names introduced as names or with a form of address or half hidden
 * (王某某), and everything
 * finer than a street or compound in an address (house number, building, unit, floor, room). Errs on the side of
 * hiding: a date written with dashes survives, a long order number does not.
 */
public final class PublicRedactor {

    /** What replaces a hidden number, plate or e-mail. */
    public static final String HIDDEN = "***";
    /** What replaces a hidden name. */
    public static final String SOMEONE = "某某";

    /** Digits with at most two separators between them, optionally after + or an opening bracket. */
    private static final Pattern NUMBER_RUN = Pattern.compile("[+(]?\\d(?:[\\s.\\-()·_/]{0,2}\\d)+[xX]?");
    private static final Pattern DATE = Pattern.compile("\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}");
    private static final int MIN_DIGITS = 7;
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern PLATE = Pattern.compile(
            "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z]\\s?[A-Z0-9]{5,6}");

    /** Common surnames, for names that follow "我是" or come with a form of address (张先生, 李阿姨). */
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
            + "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final Pattern INTRODUCED_NAME = Pattern.compile(
            "(我叫|名叫|叫做|姓名|联系人|户主|业主姓名|本人)([:：\\s]{0,2})([\\u4e00-\\u9fa5·]{2,4}?)(?=[，,。.；;、\\s（(]|先生|女士|$|\\d|电话|手机|联系)");
    private static final Pattern I_AM = Pattern.compile("(我是|我姓)([" + SURNAMES + "][\\u4e00-\\u9fa5]{0,2}?)(?=[，,。.；;、\\s]|$)");
    /** A name already half hidden by the writer or an earlier system (王某某, 李某): the surname still narrows it. */
    private static final Pattern HALF_HIDDEN = Pattern.compile("[" + SURNAMES + "]某{1,2}");
    private static final Pattern ADDRESSED = Pattern.compile(
            "([" + SURNAMES + "])(?:[\\u4e00-\\u9fa5])?(先生|女士|小姐|阿姨|大爷|大妈|大叔|师傅|老师|老人|奶奶|爷爷)");

    /** Finer than a street or compound: numbered buildings, units, floors, rooms, house numbers, 3-2-502. */
    private static final String NUMERAL = "[0-9A-Za-z一二三四五六七八九十百零两]+";
    private static final Pattern ROOM_LEVEL = Pattern.compile("(?:" + NUMERAL
            + "\\s*(?:号楼|号院|栋|幢|座|单元|室|层|楼|户|号|弄)\\s*)+\\d*|\\d+(?:\\s*[-－—]\\s*\\d+)+|(?<=[路街道巷弄里村])\\d+");
    /** In a description: buildings, units and rooms (a floor alone, "3楼漏水", stays), and 3-2-502 but not a date. */
    private static final Pattern ROOM_IN_TEXT = Pattern.compile("(?:" + NUMERAL
            + "\\s*(?:号楼|号院|栋|幢|单元|室|户)\\s*)+(?:\\d+室?)?|(?<![\\d\\-.])\\d{1,3}(?:\\s*[-－—]\\s*\\d{1,4}){1,3}(?![\\d\\-])");

    private PublicRedactor() {
    }

    /** A description or note as the public may read it. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String redacted = EMAIL.matcher(normalize(text)).replaceAll(HIDDEN);
        redacted = PLATE.matcher(redacted).replaceAll(HIDDEN);
        redacted = numbers(redacted);
        redacted = ROOM_IN_TEXT.matcher(redacted).replaceAll(HIDDEN);
        redacted = INTRODUCED_NAME.matcher(redacted).replaceAll("$1$2" + SOMEONE);
        redacted = I_AM.matcher(redacted).replaceAll("$1" + SOMEONE);
        redacted = ADDRESSED.matcher(redacted).replaceAll("某$2");
        return HALF_HIDDEN.matcher(redacted).replaceAll(SOMEONE);
    }

    /** An address cut to the street or compound: the numbered parts below it are dropped, and any stray number. */
    public static String address(String address) {
        if (address == null) {
            return null;
        }
        String cut = numbers(EMAIL.matcher(normalize(address)).replaceAll(""));
        cut = ROOM_LEVEL.matcher(cut).replaceAll("");
        cut = cut.replace(HIDDEN, "").replaceAll("[\\s,，、()（）#-]+$", "").replaceAll("\\s{2,}", " ").strip();
        return cut.isEmpty() ? null : cut;
    }

    /** Full-width digits, letters and signs as ASCII, so that every way of writing a number is caught the same. */
    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E' && !isChinesePunctuationKept(c)) {
                out.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Full-width punctuation that Chinese text uses as such: left alone so sentences read the same. */
    private static boolean isChinesePunctuationKept(char c) {
        return c == '，' || c == '；' || c == '：' || c == '！' || c == '？' || c == '（' || c == '）';
    }

    private static String numbers(String text) {
        Matcher m = NUMBER_RUN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String run = m.group();
            long digits = run.chars().filter(Character::isDigit).count();
            boolean date = DATE.matcher(run.strip()).matches();
            m.appendReplacement(out, digits >= MIN_DIGITS && !date ? Matcher.quoteReplacement(HIDDEN) : Matcher.quoteReplacement(run));
        }
        m.appendTail(out);
        return out.toString();
    }
}
