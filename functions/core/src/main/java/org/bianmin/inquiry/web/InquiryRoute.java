package org.bianmin.inquiry.web;

import java.util.regex.Pattern;
import org.bianmin.http.ApiException;
import org.bianmin.http.DependencyUnavailableException;
import org.bianmin.http.Access;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.Json;
import org.bianmin.inquiry.application.AnsweringInquiry;
import org.bianmin.inquiry.model.Channel;
import org.bianmin.inquiry.model.Inquiry;
import org.bianmin.knowledge.KnowledgeIndexUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/inquiries}: {@code {"text", "sessionId"?, "channel"?}} -> the reply. The text is plain text:
 * it is analyzed into tokens and searched with term queries, never handed to a query parser, so characters such
 * as {@code AND ( ) : * ~ " \} have no special meaning.
 */
public final class InquiryRoute implements HttpRoute {

    public static final int MAX_TEXT_LENGTH = 500;
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final AnsweringInquiry inquiries;

    public InquiryRoute(AnsweringInquiry inquiries) {
        this.inquiries = inquiries;
    }

    @Override
    public Access access() {
        return Access.anyone();
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String pathTemplate() {
        return "/v1/inquiries";
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        Inquiry inquiry = parse(Json.objectBody(request));
        try {
            return HttpResponse.json(200, inquiries.answer(inquiry));
        } catch (KnowledgeIndexUnavailableException | SdkException e) {
            throw new DependencyUnavailableException(e.getMessage(), e);
        }
    }

    static Inquiry parse(JsonNode body) {
        String text = Json.optionalString(body, "text");
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("TEXT_REQUIRED", "请输入您要咨询的问题。");
        }
        text = text.strip();
        if (text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
            throw ApiException.badRequest("TEXT_TOO_LONG", "问题不能超过" + MAX_TEXT_LENGTH + "个字，请精简后再试。");
        }
        String sessionId = Json.optionalString(body, "sessionId");
        if (sessionId != null && !SESSION_ID.matcher(sessionId).matches()) {
            throw ApiException.badRequest("INVALID_SESSION_ID", "sessionId 格式不正确（8-64位字母、数字、- 或 _）。");
        }
        String channelName = Json.optionalString(body, "channel");
        Channel channel = channelName == null ? Channel.API : Channel.fromWireName(channelName)
                .orElseThrow(() -> ApiException.badRequest("INVALID_CHANNEL", "channel 只能是 chatbot、phone 或 api。"));
        return new Inquiry(text, sessionId, channel);
    }
}
