package org.bianmin.hotline;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A request filed earlier in another system, to be imported as a ticket with its original time: the intake command
 * (validated as for any channel), the earlier system's identifier, when it was received there, its likes (点赞) and
 * who imports it. Importing is idempotent per {@code externalId}.
 *
 * @throws InvalidIntakeCommandException for a missing or malformed identifier or time
 */
public record HistoricalRequest(IntakeCommand command, String externalId, Instant receivedAt, int likes, String importedBy) {

    /**
     * The contact filed for a historical request that came without a phone (messages from a web message board):
     * a number that passes the intake's format check but has the area code 0000, which no telephone network
     * assigns, so no call or message can ever reach anyone through it. Staff see it masked as 0000-****0000.
     */
    public static final String NO_CONTACT = "0000-0000000";

    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    public HistoricalRequest {
        if (externalId == null || !EXTERNAL_ID.matcher(externalId).matches()) {
            throw new InvalidIntakeCommandException("INVALID_EXTERNAL_ID", "id 必须是1-64位字母、数字或 _.:-。");
        }
        if (receivedAt == null) {
            throw new InvalidIntakeCommandException("INVALID_TIME", "time 必须是诉求的原始受理时间。");
        }
        if (likes < 0) {
            throw new InvalidIntakeCommandException("INVALID_LIKES", "up（点赞数）不能为负数。");
        }
    }
}
