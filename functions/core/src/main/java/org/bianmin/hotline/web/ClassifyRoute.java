package org.bianmin.hotline.web;

import java.util.Set;
import jakarta.validation.constraints.NotBlank;
import org.bianmin.hotline.IntakeCommand;
import org.bianmin.http.Access;
import org.bianmin.http.CharacterCount;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.RequestBodies;
import org.bianmin.hotline.classification.RequestClassifier;

/**
 * {@code POST /v1/requests/classify} {@code {"text"}}: where a request would be routed, with the confidence, the
 * alternatives and the deciding terms, creating nothing. Used by hotline agents and for evaluation.
 */
public final class ClassifyRoute implements HttpRoute {

    static final int MIN_TEXT = IntakeCommand.MIN_TEXT;
    static final int MAX_TEXT = IntakeCommand.MAX_TEXT;

    private final RequestClassifier classifier;

    public ClassifyRoute(RequestClassifier classifier) {
        this.classifier = classifier;
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
        return "/v1/requests/classify";
    }

    @Override
    public Set<Integer> statuses() {
        return Set.of(200, 400);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        return HttpResponse.json(200, classifier.classify(RequestBodies.bind(request, ClassifyBody.class).text().strip()));
    }

    /** The body of {@code POST /v1/requests/classify}: the same length rule as a filed request. */
    record ClassifyBody(
            @NotBlank(message = "TEXT_REQUIRED:请填写诉求内容。")
            @CharacterCount(min = MIN_TEXT, max = MAX_TEXT, message = "TEXT_LENGTH:诉求内容应为{min}到{max}个字。")
            String text) {
    }
}
