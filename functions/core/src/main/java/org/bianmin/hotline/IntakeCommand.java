package org.bianmin.hotline;

import java.util.Set;
import java.util.regex.Pattern;
import org.bianmin.hotline.model.PhoneNumber;
import org.bianmin.platform.Coordinates;

/**
 * A request to file, from any channel, valid by construction: text of 5 to 5,000 characters, a mainland phone
 * number, an optional place (address up to 200 characters, community up to 50, coordinates in range and in pairs),
 * a known channel, an optional session id, and optionally the category the caller chose (Open311's service_code,
 * a device rule's leaf), which skips classification. Text and names are stripped; blank parts become null.
 * {@code urgent}: the caller accepted the URGENT request an emergency reply offered; filed with the URGENT deadline.
 *
 * @throws InvalidIntakeCommandException with the error code and the Chinese message for the caller
 */
public record IntakeCommand(String text, String phone, String address, String community, Double lat, Double lon,
                            String channel, String sessionId, String categoryCode, boolean urgent) {

    public static final int MIN_TEXT = 5;
    public static final int MAX_TEXT = 5000;
    public static final Set<String> CHANNELS = Set.of("phone", "chatbot", "api", "open311", "device", "import");
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    public IntakeCommand {
        if (text == null || text.isBlank()) {
            throw new InvalidIntakeCommandException("TEXT_REQUIRED", "请填写诉求内容。");
        }
        text = text.strip();
        if (!textLengthAllowed(text)) {
            throw new InvalidIntakeCommandException("TEXT_LENGTH", "诉求内容应为" + MIN_TEXT + "到" + MAX_TEXT + "个字。");
        }
        if (phone == null || phone.isBlank()) {
            throw new InvalidIntakeCommandException("PHONE_REQUIRED", "请填写联系电话，以便回访。");
        }
        if (!isValidPhone(phone)) {
            throw new InvalidIntakeCommandException("INVALID_PHONE",
                    "联系电话格式不正确，请填写11位手机号或带区号的固定电话（如 0574-87654321）。");
        }
        channel = channel == null ? "api" : channel;
        if (!CHANNELS.contains(channel)) {
            throw new InvalidIntakeCommandException("INVALID_CHANNEL", "channel 只能是 phone、chatbot、api、open311、device 或 import。");
        }
        if (sessionId != null && !SESSION_ID.matcher(sessionId).matches()) {
            throw new InvalidIntakeCommandException("INVALID_SESSION_ID", "sessionId 格式不正确（8-64位字母、数字、- 或 _）。");
        }
        if (hasControlCharacters(text, "\n\r\t") || hasControlCharacters(address, "") || hasControlCharacters(community, "")) {
            throw new InvalidIntakeCommandException("INVALID_CHARACTERS", "内容或地址中含有不可见的控制字符，请删除后再提交。");
        }
        if (address != null && address.length() > 200 || community != null && community.length() > 50) {
            throw new InvalidIntakeCommandException("INVALID_LOCATION", "地址不能超过200字，社区名称不能超过50字。");
        }
        switch (Coordinates.check(lat, lon)) {
            case LATITUDE_OUT_OF_RANGE -> throw new InvalidIntakeCommandException("INVALID_LOCATION", "lat 必须是 -90 到 90 之间的数字。");
            case LONGITUDE_OUT_OF_RANGE -> throw new InvalidIntakeCommandException("INVALID_LOCATION", "lon 必须是 -180 到 180 之间的数字。");
            case NOT_A_PAIR -> throw new InvalidIntakeCommandException("INVALID_LOCATION", "经纬度 lat 和 lon 需要同时提供。");
            case NONE -> { }
        }
        address = blankToNull(address);
        community = blankToNull(community);
    }

    /** A command that asks for no urgency. */
    public IntakeCommand(String text, String phone, String address, String community, Double lat, Double lon,
                         String channel, String sessionId, String categoryCode) {
        this(text, phone, address, community, lat, lon, channel, sessionId, categoryCode, false);
    }

    /** A command without a place, session or chosen category. */
    public static IntakeCommand of(String text, String phone, String channel) {
        return new IntakeCommand(text, phone, null, null, null, null, channel, null, null);
    }

    public IntakeCommand withCategory(String code) {
        return new IntakeCommand(text, phone, address, community, lat, lon, channel, sessionId, code, urgent);
    }

    public boolean hasPlace() {
        return address != null || community != null || lat != null;
    }

    /** Whether {@code raw} is a phone number the intake accepts (spaces, dashes and +86 allowed). */
    public static boolean isValidPhone(String raw) {
        return PhoneNumber.parse(raw).isPresent();
    }

    /**
     * Whether a value holds control characters (other than those {@code allowed}): they are never typed by a citizen,
     * break the pages and logs that show the text, and are how injected payloads hide.
     */
    private static boolean hasControlCharacters(String value, String allowed) {
        return value != null && value.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL && allowed.indexOf(c) < 0);
    }

    /** Whether a stripped text has an allowed length, counted in characters (code points). */
    public static boolean textLengthAllowed(String text) {
        int length = text.codePointCount(0, text.length());
        return length >= MIN_TEXT && length <= MAX_TEXT;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
