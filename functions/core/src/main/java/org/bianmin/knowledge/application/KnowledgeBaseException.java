package org.bianmin.knowledge.application;

/** A knowledge file that cannot be trusted: the message names the file and line so an editor can fix it. */
public class KnowledgeBaseException extends RuntimeException {

    public KnowledgeBaseException(String message) {
        super(message);
    }

    public KnowledgeBaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
