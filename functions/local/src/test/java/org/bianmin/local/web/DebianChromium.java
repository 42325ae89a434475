package org.bianmin.local.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, its matching ChromeDriver and a Chinese font, installed from Debian packages when missing: test tools that
 * download their own browser cannot run on networks that only reach package mirrors, and a driver from the same
 * source package never drifts from the browser's version.
 */
final class DebianChromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** A Chinese font, so that the screenshots of failed tests show text rather than empty boxes. */
    static final Path CHINESE_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    private static final Object LOCK = new Object();

    private DebianChromium() {
    }

    /** Makes sure both are installed; fails with what to do when they are missing and cannot be installed here. */
    static void ensureInstalled() {
        synchronized (LOCK) {
            if (installed()) {
                return;
            }
            List<String> prefix = new ArrayList<>();
            if (!"root".equals(System.getProperty("user.name"))) {
                prefix.addAll(List.of("sudo", "-n"));
            }
            run(prefix, List.of("apt-get", "update", "-q"));
            run(prefix, List.of("apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium", "chromium-driver",
                    "fonts-wqy-zenhei"));
            if (!installed()) {
                throw new IllegalStateException("chromium and chromium-driver are still missing after apt-get install");
            }
        }
    }

    private static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER) && Files.exists(CHINESE_FONT);
    }

    private static void run(List<String> prefix, List<String> command) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "chromium-install.log").toFile());
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        try {
            Files.createDirectories(Path.of("target"));
            Process process = builder.start();
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("'" + String.join(" ", full) + "' failed (see target/chromium-install.log). "
                        + "The page tests need Debian's chromium and chromium-driver packages: install them as root, "
                        + "or run the tests as root or with passwordless sudo.");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + full + ": install chromium and chromium-driver", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
