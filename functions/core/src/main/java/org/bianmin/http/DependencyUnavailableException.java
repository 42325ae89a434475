package org.bianmin.http;

/** A backing service (DynamoDB, Elasticsearch ...) did not answer: 503, the caller may retry. */
public class DependencyUnavailableException extends RuntimeException {

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
