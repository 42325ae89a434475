package org.bianmin.knowledge;

/** The search engine cannot answer right now: a 503 for the caller, never a guess. */
public class KnowledgeIndexUnavailableException extends RuntimeException {

    public KnowledgeIndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
