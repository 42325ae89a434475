package org.bianmin.hotline.application;

import org.bianmin.hotline.model.Location;
import org.bianmin.hotline.model.PhoneNumber;

/**
 * A validated request from any channel: text 5..5000 characters, a valid phone, an optional location. {@code urgent}:
 * the caller accepted the URGENT request offered after an emergency (the inquiry's {@code handoff.urgent}), so it is
 * filed with the URGENT deadline whatever its category.
 */
public record NewRequest(String text, PhoneNumber phone, Location location, String channel, String sessionId,
                         boolean urgent) {

    /** A request with no urgency asked: its category's deadline. */
    public NewRequest(String text, PhoneNumber phone, Location location, String channel, String sessionId) {
        this(text, phone, location, channel, sessionId, false);
    }
}
