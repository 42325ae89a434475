package org.bianmin.hotline.application;

import org.bianmin.hotline.model.Location;
import org.bianmin.hotline.model.PhoneNumber;

/** A validated request from any channel: text 5..5000 characters, a valid phone, an optional location. */
public record NewRequest(String text, PhoneNumber phone, Location location, String channel, String sessionId) {
}
