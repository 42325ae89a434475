package org.bianmin.hotline.classification;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.bianmin.knowledge.model.Domain;

/**
 * A {@link DomainModel} on disk or in S3: gzip of a small binary layout (magic, format number, feature recipe,
 * version, calibration, domains, details, vocabulary with idf, weights, an end mark). Gzip's checksum catches a
 * damaged file; the format number and the feature recipe catch a file this code cannot use. Either way reading
 * fails with a {@link InvalidModelException} naming the file, never with a half-loaded model.
 */
public final class DomainModelFile {

    static final String MAGIC = "BIANMIN-ROUTER-MODEL";
    static final int FORMAT = 1;
    private static final String END = "END";

    /** The model file cannot be used; the message names it and says why. */
    public static final class InvalidModelException extends IllegalStateException {

        InvalidModelException(String source, String reason, Throwable cause) {
            super("router model " + source + ": " + reason, cause);
        }
    }

    private DomainModelFile() {
    }

    /** Writes to a temporary file beside {@code file} and moves it in place, so a reader never sees half a model. */
    public static void write(DomainModel model, Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            write(model, out);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static void write(DomainModel model, OutputStream target) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(target, 1 << 16);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(model.details().getOrDefault("features", RoutingFeatures.SCHEME));
        out.writeUTF(model.version());
        out.writeDouble(model.temperature());
        out.writeDouble(model.triageThreshold());
        out.writeDouble(model.targetPrecision());
        out.writeInt(model.domains().size());
        for (Domain domain : model.domains()) {
            out.writeUTF(domain.label());
        }
        out.writeInt(model.details().size());
        for (Map.Entry<String, String> detail : model.details().entrySet()) {
            out.writeUTF(detail.getKey());
            out.writeUTF(detail.getValue());
        }
        FeatureVocabulary vocabulary = model.vocabulary();
        out.writeInt(vocabulary.size());
        for (int f = 0; f < vocabulary.size(); f++) {
            out.writeUTF(vocabulary.term(f));
            out.writeFloat(vocabulary.idf(f));
        }
        for (float weight : model.weights()) {
            out.writeFloat(weight);
        }
        for (float bias : model.bias()) {
            out.writeFloat(bias);
        }
        out.writeUTF(END);
        out.flush();
        gzip.finish();
    }

    public static DomainModel read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidModelException(file.toString(), "no such file", e);
        } catch (IOException e) {
            throw new InvalidModelException(file.toString(), "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** @param source where the bytes come from (a path or an s3:// URI), for the error message */
    public static DomainModel read(InputStream source, String name) {
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source, 1 << 16), 1 << 16));
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new InvalidModelException(name, "not a router model", null);
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new InvalidModelException(name, "model format " + format + ", this version reads format " + FORMAT
                        + ": retrain it with this version's train-router", null);
            }
            String scheme = in.readUTF();
            if (!RoutingFeatures.SCHEME.equals(scheme)) {
                throw new InvalidModelException(name, "trained on features '" + scheme + "', this version computes '"
                        + RoutingFeatures.SCHEME + "': retrain it with this version's train-router", null);
            }
            String version = in.readUTF();
            double temperature = in.readDouble();
            double threshold = in.readDouble();
            double targetPrecision = in.readDouble();
            int domainCount = in.readInt();
            checkCount(name, "domains", domainCount, Domain.values().length);
            List<Domain> domains = new ArrayList<>();
            for (int i = 0; i < domainCount; i++) {
                String label = in.readUTF();
                domains.add(Domain.fromLabel(label)
                        .orElseThrow(() -> new InvalidModelException(name, "unknown domain '" + label + "'", null)));
            }
            int detailCount = in.readInt();
            checkCount(name, "details", detailCount, 1000);
            Map<String, String> details = new LinkedHashMap<>();
            for (int i = 0; i < detailCount; i++) {
                details.put(in.readUTF(), in.readUTF());
            }
            int featureCount = in.readInt();
            checkCount(name, "features", featureCount, 50_000_000 / Math.max(1, domainCount));
            String[] terms = new String[featureCount];
            float[] idf = new float[featureCount];
            for (int f = 0; f < featureCount; f++) {
                terms[f] = in.readUTF();
                idf[f] = in.readFloat();
            }
            float[] weights = new float[featureCount * domainCount];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = in.readFloat();
            }
            float[] bias = new float[domainCount];
            for (int k = 0; k < domainCount; k++) {
                bias[k] = in.readFloat();
            }
            if (!END.equals(in.readUTF()) || in.read() != -1) {
                throw new InvalidModelException(name, "unexpected data after the weights", null);
            }
            return new DomainModel(version, domains, new FeatureVocabulary(terms, idf), weights, bias, temperature,
                    threshold, targetPrecision, details);
        } catch (InvalidModelException e) {
            throw e;
        } catch (java.io.EOFException e) {
            throw new InvalidModelException(name, "truncated", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidModelException(name, "damaged (" + e.getMessage() + ")", e);
        }
    }

    private static void checkCount(String name, String what, int count, int max) {
        if (count < 0 || count > max) {
            throw new InvalidModelException(name, "implausible number of " + what + ": " + count, null);
        }
    }
}
