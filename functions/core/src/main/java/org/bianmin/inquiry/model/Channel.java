package org.bianmin.inquiry.model;

import java.util.Locale;
import java.util.Optional;

/** Where a question came from. Kept on the conversation for reporting; the answer is the same for all. */
public enum Channel {
    CHATBOT, PHONE, API;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromWireName(String name) {
        for (Channel channel : values()) {
            if (channel.wireName().equals(name)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
