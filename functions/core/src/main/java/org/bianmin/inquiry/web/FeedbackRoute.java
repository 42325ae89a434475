package org.bianmin.inquiry.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.bianmin.http.Access;
import org.bianmin.http.ApiException;
import org.bianmin.http.CharacterCount;
import org.bianmin.http.DependencyUnavailableException;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.RateLimiter;
import org.bianmin.http.RequestBodies;
import org.bianmin.inquiry.application.CollectingFeedback;
import org.bianmin.inquiry.model.QuestionSignal;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code POST /v1/inquiries/feedback}: {@code {"sessionId", "question", "helpful", "entryId"?}}, a citizen's 有用 /
 * 没用 on an answer. Public like the chatbot; limited per client address, and one session's votes on one question
 * are one stored signal, so repeating a click changes nothing but the vote.
 */
public final class FeedbackRoute implements HttpRoute {

    private final CollectingFeedback feedback;
    private final RateLimiter limiter;

    public FeedbackRoute(CollectingFeedback feedback, RateLimiter limiter) {
        this.feedback = feedback;
        this.limiter = limiter;
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
        return "/v1/inquiries/feedback";
    }

    @Override
    public Set<Integer> statuses() {
        return Set.of(200, 400, 429);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        // a malformed vote is refused before it counts: only votes that would be stored use up the limit
        FeedbackBody body = RequestBodies.bind(request, FeedbackBody.class);
        limiter.admit(request, "反馈过于频繁，请稍后再试。");
        try {
            QuestionSignal signal = feedback.vote(new CollectingFeedback.Vote(body.sessionId(), body.question().strip(),
                    body.helpful(), body.entryId()));
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("recorded", true);
            reply.put("helpful", signal.kind() == QuestionSignal.Kind.HELPFUL);
            return HttpResponse.json(200, reply);
        } catch (CollectingFeedback.UnknownEntryException e) {
            throw ApiException.badRequest("UNKNOWN_ENTRY", "entryId 不是现有的办事指南条目。");
        } catch (SdkException e) {
            throw new DependencyUnavailableException(e.getMessage(), e);
        }
    }

    /** The body of {@code POST /v1/inquiries/feedback}. */
    record FeedbackBody(
            @NotBlank(message = "SESSION_ID_REQUIRED:请提供对话的 sessionId。")
            @Pattern(regexp = "[A-Za-z0-9_-]{8,64}", message = "INVALID_SESSION_ID:sessionId 格式不正确（8-64位字母、数字、- 或 _）。")
            String sessionId,
            @NotBlank(message = "QUESTION_REQUIRED:请提供被评价的问题。")
            @CharacterCount(max = InquiryRoute.MAX_TEXT_LENGTH, message = "QUESTION_TOO_LONG:问题不能超过{max}个字。")
            String question,
            @NotNull(message = "HELPFUL_REQUIRED:请说明答复是否有用（helpful 为 true 或 false）。")
            Boolean helpful,
            @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "UNKNOWN_ENTRY:entryId 不是现有的办事指南条目。")
            String entryId) {
    }
}
