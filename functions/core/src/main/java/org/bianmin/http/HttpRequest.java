package org.bianmin.http;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A transport-neutral HTTP request: built from an API Gateway HTTP API v2 event in Lambda and from a servlet
 * request in the local runtime, so every route behaves the same in both. Header names are lowercase.
 */
public record HttpRequest(String method, String path, Map<String, String> headers, Map<String, String> query,
                          String body, String requestId, Map<String, String> pathParameters) {

    /** Set by the transport from the connection (never taken from the caller): the client's address. */
    public static final String SOURCE_IP = "x-bianmin-source-ip";

    public HttpRequest {
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        headers = Map.copyOf(lower);
        query = Map.copyOf(query);
        body = body == null ? "" : body;
        pathParameters = Map.copyOf(pathParameters);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /**
     * Prefix of the headers that carry the verified JWT claims (sub, department, role): set by the transport from
     * API Gateway's JWT authorizer (Lambda) or the local token check, after removing any the caller sent.
     */
    public static final String CLAIM_PREFIX = "x-bianmin-claim-";

    /** A verified claim, if the request was authenticated. */
    public Optional<String> claim(String name) {
        return header(CLAIM_PREFIX + name);
    }

    /** Drops every transport-owned header ({@code x-bianmin-*}) the caller may have sent. */
    public static Map<String, String> withoutTransportHeaders(Map<String, String> headers) {
        Map<String, String> clean = new TreeMap<>();
        headers.forEach((k, v) -> {
            if (!k.toLowerCase(Locale.ROOT).startsWith("x-bianmin-")) {
                clean.put(k, v);
            }
        });
        return clean;
    }

    public String sourceIp() {
        return headers.getOrDefault(SOURCE_IP, "unknown");
    }

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** The request as a route sees it: only the query parameters it declares. */
    HttpRequest withQueryOnly(java.util.Set<String> names) {
        Map<String, String> declared = new TreeMap<>(query);
        declared.keySet().retainAll(names);
        return new HttpRequest(method, path, headers, declared, body, requestId, pathParameters);
    }

    HttpRequest withPathParameters(Map<String, String> parameters) {
        return new HttpRequest(method, path, headers, query, body, requestId, parameters);
    }
}
