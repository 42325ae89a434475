package org.bianmin.local.dynalite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Node.js package that the build installed with {@code npm ci} (dynalite, its dependencies and our launcher),
 * packed under {@code bianmin-dynalite/} on the classpath. Node needs real files, so it is unpacked once into a
 * folder under the temp directory named by the hash of the lockfile and the launcher: a new version gets a new
 * folder, and concurrent starts each unpack into their own folder and keep whichever lands first.
 */
final class DynalitePackage {

    static final String RESOURCE_DIR = "bianmin-dynalite";
    private static final String COMPLETE = ".unpacked";

    private DynalitePackage() {
    }

    static Path unpack() {
        try {
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            Path home = Path.of(System.getProperty("java.io.tmpdir"), RESOURCE_DIR + "-" + version(resolver));
            if (Files.exists(home.resolve(COMPLETE))) {
                return home;
            }
            Resource[] resources = resolver.getResources("classpath*:" + RESOURCE_DIR + "/**");
            Path staging = Files.createTempDirectory(home.getParent(), RESOURCE_DIR + "-unpacking-");
            int files = 0;
            for (Resource resource : resources) {
                String relative = relativePath(resource);
                if (relative == null) {
                    continue;
                }
                Path target = staging.resolve(relative).normalize();
                if (!target.startsWith(staging)) {
                    throw new IllegalStateException("unexpected resource path " + relative);
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = resource.getInputStream()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                files++;
            }
            if (!Files.exists(staging.resolve("node_modules/dynalite/package.json"))) {
                deleteTree(staging);
                throw new IllegalStateException("dynalite is not packed on the classpath (" + RESOURCE_DIR
                        + "/node_modules); build with 'mvn install', which runs npm ci");
            }
            Files.writeString(staging.resolve(COMPLETE), Integer.toString(files));
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException raced) {
                deleteTree(staging);
            }
            if (!Files.exists(home.resolve(COMPLETE))) {
                // an earlier, interrupted unpack left a partial folder: replace it
                deleteTree(home);
                return unpack();
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack dynalite", e);
        }
    }

    /** The hash of what decides the package's content: the lockfile and the launcher. */
    private static String version(PathMatchingResourcePatternResolver resolver) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String file : new String[] {"package-lock.json", "dynalite-server.js"}) {
                Resource resource = resolver.getResource("classpath:" + RESOURCE_DIR + "/" + file);
                if (!resource.exists()) {
                    throw new IllegalStateException("dynalite is not packed on the classpath (" + RESOURCE_DIR + "/" + file + ")");
                }
                try (InputStream in = resource.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path below {@code bianmin-dynalite/}, or null for folders ('+' is literal in these URLs, as in darwin-x64+arm64). */
    private static String relativePath(Resource resource) throws IOException {
        String url = resource.getURL().toString();
        int start = url.lastIndexOf(RESOURCE_DIR + "/");
        if (start < 0 || url.endsWith("/") || !resource.isReadable()) {
            return null;
        }
        String relative = url.substring(start + RESOURCE_DIR.length() + 1);
        return relative.isEmpty() ? null : java.net.URLDecoder.decode(relative.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
