package org.bianmin.inquiry.model;

/** A validated question: text is stripped and 1..500 characters; sessionId may be null (a new conversation). */
public record Inquiry(String text, String sessionId, Channel channel) {
}
