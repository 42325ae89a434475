package org.bianmin.knowledge.embedding;

/** Turns a sentence into a unit vector whose cosine with another sentence's says how alike their meanings are. */
public interface SentenceEmbedder {

    /** A name that changes whenever the vectors would (model and version): part of every vector's fingerprint. */
    String model();

    float[] embed(String text);
}
