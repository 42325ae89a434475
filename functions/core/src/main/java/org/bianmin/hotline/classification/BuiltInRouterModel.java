package org.bianmin.hotline.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bianmin.knowledge.KnowledgeEntries;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.model.KnowledgeEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in domain model (a city without history), shipped pre-trained in the jar.
 *
 * <p>Training it from the project's text takes seconds on a quiet machine and far longer in a small Lambda, on every
 * cold start. So the build trains it once ({@link #main}, bound to the core module's {@code process-classes} phase)
 * and puts it at {@link #RESOURCE}; at start-up it is read in milliseconds. The shipped model records a digest of the
 * exact text it was trained on, and is used only when the running code would train on the same text: a city that
 * replaced the knowledge base (or a class path without the file, such as an IDE run) gets the model trained at start
 * instead, with a warning, never a stale one.
 */
public final class BuiltInRouterModel {

    static final String RESOURCE = "hotline/builtin-router.model";
    /** The model detail that records the digest of its training text. */
    static final String TEXT_DIGEST = "trainingTextSha256";
    private static final Logger log = LoggerFactory.getLogger(BuiltInRouterModel.class);
    /** Built-in models by the digest of their text (one entry in practice): every classifier shares it. */
    private static final Map<String, DomainModel> MODELS = new ConcurrentHashMap<>();

    private BuiltInRouterModel() {
    }

    /** The built-in model for this taxonomy and knowledge base: the shipped one when it matches, else trained here. */
    public static DomainModel get(Taxonomy taxonomy, Collection<KnowledgeEntry> entries, RoutingFeatures features) {
        List<LabeledText> texts = BuiltInTrainingText.collect(taxonomy, entries);
        String digest = digest(texts);
        return MODELS.computeIfAbsent(digest, d -> shipped(d).orElseGet(() -> {
            log.warn("the shipped built-in router model ({}) was not trained on this text; training it now", RESOURCE);
            return train(taxonomy, texts, d, features);
        }));
    }

    static DomainModel train(Taxonomy taxonomy, List<LabeledText> texts, String digest, RoutingFeatures features) {
        return new DomainModelTrainer(features).train(texts, DomainModelTrainer.Settings.defaults(),
                RequestClassifier.BUILT_IN + "-" + taxonomy.version(),
                Map.of("source", "built-in text of the project", TEXT_DIGEST, digest)).model();
    }

    static Optional<DomainModel> shipped(String digest) {
        try (InputStream in = BuiltInRouterModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            DomainModel model = DomainModelFile.read(in, "classpath:" + RESOURCE);
            return digest.equals(model.details().get(TEXT_DIGEST)) ? Optional.of(model) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + RESOURCE, e);
        }
    }

    /** What the model learns from, and how: the texts with their domains, the training settings, the feature scheme. */
    static String digest(List<LabeledText> texts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((RoutingFeatures.SCHEME + "\n" + DomainModelTrainer.Settings.defaults() + "\n").getBytes(StandardCharsets.UTF_8));
            for (LabeledText text : texts) {
                sha.update((text.domain().label() + "\t" + text.text() + "\u0000").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Build step: trains the built-in model from the project's text and writes it under the given classes folder. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BuiltInRouterModel CLASSES_DIRECTORY");
        }
        Path target = Path.of(args[0]).resolve(RESOURCE);
        Files.createDirectories(target.getParent());
        Taxonomy taxonomy = Taxonomy.loadDefault();
        List<LabeledText> texts = BuiltInTrainingText.collect(taxonomy, KnowledgeEntries.shipped().entries());
        long start = System.nanoTime();
        DomainModel model = train(taxonomy, texts, digest(texts), new RoutingFeatures(ChineseAnalyzer.withDefaultResources()));
        DomainModelFile.write(model, target);
        System.out.printf("built-in router model %s from %d texts in %.1f s: %s%n", model.version(), texts.size(),
                (System.nanoTime() - start) / 1e9, target);
    }
}
