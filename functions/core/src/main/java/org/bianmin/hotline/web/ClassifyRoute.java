package org.bianmin.hotline.web;

import org.bianmin.hotline.IntakeCommand;
import org.bianmin.http.ApiException;
import org.bianmin.http.Access;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.Json;
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
    public HttpResponse handle(HttpRequest request) {
        String text = Json.optionalString(Json.objectBody(request), "text");
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("TEXT_REQUIRED", "请填写诉求内容。");
        }
        int length = text.strip().codePointCount(0, text.strip().length());
        if (length < MIN_TEXT || length > MAX_TEXT) {
            throw ApiException.badRequest("TEXT_LENGTH", "诉求内容应为" + MIN_TEXT + "到" + MAX_TEXT + "个字。");
        }
        return HttpResponse.json(200, classifier.classify(text.strip()));
    }
}
