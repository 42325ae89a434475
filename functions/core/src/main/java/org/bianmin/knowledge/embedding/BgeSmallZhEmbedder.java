package org.bianmin.knowledge.embedding;

import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.nio.file.Path;

/**
 * bge-small-zh-v1.5 (int8), run in process by the ONNX runtime; its weights and tokenizer are inside the jar, so
 * nothing is downloaded. Questions are embedded as they are, without bge's retrieval instruction: they are compared
 * with the ways entries are asked (question to question), not with passages. Thread-safe.
 */
public final class BgeSmallZhEmbedder implements SentenceEmbedder {

    /** Changes whenever the vectors would (model and version): part of every vector's fingerprint. */
    public static final String MODEL = "bge-small-zh-v1.5-q/langchain4j-1.11.0-beta19";
    /** The vector's length; the Elasticsearch mapping's {@code dims}. */
    public static final int DIMENSIONS = 512;
    /** DJL's tokenizer unpacks its native library under this directory; Lambda can write only below /tmp. */
    private static final String DJL_CACHE = "DJL_CACHE_DIR";

    private final BgeSmallZhV15QuantizedEmbeddingModel model;

    public BgeSmallZhEmbedder() {
        if (System.getProperty(DJL_CACHE) == null && System.getenv(DJL_CACHE) == null) {
            System.setProperty(DJL_CACHE, Path.of(System.getProperty("java.io.tmpdir"), "djl").toString());
        }
        this.model = new BgeSmallZhV15QuantizedEmbeddingModel();
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }
}
