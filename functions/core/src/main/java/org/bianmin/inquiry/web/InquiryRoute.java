package org.bianmin.inquiry.web;

import java.util.Set;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.bianmin.http.CharacterCount;
import org.bianmin.http.DependencyUnavailableException;
import org.bianmin.http.Access;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.RequestBodies;
import org.bianmin.inquiry.application.AnsweringInquiry;
import org.bianmin.inquiry.model.Channel;
import org.bianmin.inquiry.model.Inquiry;
import org.bianmin.knowledge.KnowledgeIndexUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code POST /v1/inquiries}: {@code {"text", "sessionId"?, "channel"?}} -> the reply. The text is plain text:
 * it is analyzed into tokens and searched with term queries, never handed to a query parser, so characters such
 * as {@code AND ( ) : * ~ " \} have no special meaning.
 */
public final class InquiryRoute implements HttpRoute {

    public static final int MAX_TEXT_LENGTH = 500;

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
    public Set<Integer> statuses() {
        return Set.of(200, 400);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        Inquiry inquiry = RequestBodies.bind(request, InquiryBody.class).toInquiry();
        try {
            return HttpResponse.json(200, inquiries.answer(inquiry));
        } catch (KnowledgeIndexUnavailableException | SdkException e) {
            throw new DependencyUnavailableException(e.getMessage(), e);
        }
    }

    /** The body of {@code POST /v1/inquiries}. */
    record InquiryBody(
            @NotBlank(message = "TEXT_REQUIRED:请输入您要咨询的问题。")
            @CharacterCount(max = MAX_TEXT_LENGTH, message = "TEXT_TOO_LONG:问题不能超过{max}个字，请精简后再试。")
            String text,
            @Pattern(regexp = "[A-Za-z0-9_-]{8,64}", message = "INVALID_SESSION_ID:sessionId 格式不正确（8-64位字母、数字、- 或 _）。")
            String sessionId,
            @Pattern(regexp = "chatbot|phone|api", message = "INVALID_CHANNEL:channel 只能是 chatbot、phone 或 api。")
            String channel) {

        Inquiry toInquiry() {
            return new Inquiry(text.strip(), sessionId,
                    channel == null ? Channel.API : Channel.fromWireName(channel).orElseThrow());
        }
    }
}
