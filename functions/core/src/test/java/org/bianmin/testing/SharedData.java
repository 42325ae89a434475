package org.bianmin.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The shared real-data folder that sits beside the repository ({@code ../shared/data} from its root; CI lays it
 * there too). Looked up from the working directory upward, so it is found from the repository root and from a
 * module folder alike. Tests that need it skip, saying so, when it is absent; its texts never enter the project.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The file or folder {@code relative} inside the shared data folder, if that folder is here. */
    public static Optional<Path> find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
