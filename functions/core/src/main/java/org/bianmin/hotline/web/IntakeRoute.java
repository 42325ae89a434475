package org.bianmin.hotline.web;

import java.util.Set;
import org.bianmin.http.ApiException;
import org.bianmin.http.Access;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.Json;
import org.bianmin.http.RequestBodies;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.IntakeCommand;
import org.bianmin.hotline.InvalidIntakeCommandException;
import org.bianmin.hotline.application.HotlineIntakeService;
import org.bianmin.hotline.application.NewRequest;
import org.bianmin.store.Idempotency;

/**
 * {@code POST /v1/requests} with an {@code Idempotency-Key} header: validates, files the request once per key and
 * returns 201 with the receipt. The same key and body (the same JSON, whatever its key order) return the same
 * receipt, also when two calls race; the same key with another body is a 422, and a repeat while the first call
 * is still running past the in-flight wait is a 409 (as the IETF Idempotency-Key draft answers). Rejected input
 * stores nothing.
 */
public final class IntakeRoute implements HttpRoute {

    private final FilingRequest filing;
    private final IdempotentCreation idempotency;

    public IntakeRoute(FilingRequest filing, Idempotency idempotency) {
        this.filing = filing;
        this.idempotency = new IdempotentCreation(idempotency);
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
        return "/v1/requests";
    }

    @Override
    public Set<Integer> statuses() {
        return Set.of(201, 400, 409, 422);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        String key = IdempotentCreation.key(request);
        NewRequest newRequest = parse(request);
        return idempotency.created("requests:" + key, request.body(), () -> Json.write(filing.file(newRequest)));
    }

    /**
     * The body of {@code POST /v1/requests}. JSON types are checked by binding; the rules (lengths, phone, channel,
     * coordinates) by the intake command itself, the same for every channel.
     */
    /**
     * {@code urgent: true} when the citizen accepts the URGENT request an emergency reply offered. Anyone may ask;
     * the ticket's history says it was asked, so the dispatch centre sees why the deadline is 24 hours.
     */
    record IntakeBody(String text, String phone, Place location, String channel, String sessionId, Boolean urgent) {

        record Place(String address, String community, Double lat, Double lon) {
        }

        IntakeCommand toCommand() {
            Place place = location == null ? new Place(null, null, null, null) : location;
            return new IntakeCommand(text, phone, place.address(), place.community(), place.lat(), place.lon(),
                    channel, sessionId, null, Boolean.TRUE.equals(urgent));
        }
    }

    static NewRequest parse(HttpRequest request) {
        try {
            return HotlineIntakeService.newRequest(RequestBodies.bind(request, IntakeBody.class).toCommand());
        } catch (InvalidIntakeCommandException e) {
            throw ApiException.badRequest(e.code(), e.getMessage());
        }
    }
}
