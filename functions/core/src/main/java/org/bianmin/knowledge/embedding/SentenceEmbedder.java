package org.bianmin.knowledge.embedding;

/** Turns a sentence into a unit vector whose cosine with another sentence's says how alike their meanings are. */
@FunctionalInterface
public interface SentenceEmbedder {

    float[] embed(String text);
}
