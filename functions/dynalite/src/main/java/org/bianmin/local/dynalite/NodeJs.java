package org.bianmin.local.dynalite;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the Node.js executable that runs dynalite: {@code BIANMIN_NODE}, else {@code node} on the PATH. */
final class NodeJs {

    private NodeJs() {
    }

    static String executable() {
        String configured = System.getenv("BIANMIN_NODE");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(File.pathSeparator)) {
                for (String name : new String[] {"node", "node.exe"}) {
                    Path candidate = Path.of(directory, name);
                    if (Files.isExecutable(candidate)) {
                        return candidate.toString();
                    }
                }
            }
        }
        throw new IllegalStateException(missingMessage());
    }

    static String missingMessage() {
        return "Node.js 20 or newer is needed to run the local DynamoDB store (dynalite) and was not found."
                + " Install it (https://nodejs.org or your system's nodejs package), or set BIANMIN_NODE to its path.";
    }
}
