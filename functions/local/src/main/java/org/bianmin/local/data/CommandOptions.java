package org.bianmin.local.data;

import java.nio.file.Path;
import java.util.List;

/** Reads {@code --name VALUE} or {@code --name=VALUE} from a command's arguments, removing what it read. */
final class CommandOptions {

    private CommandOptions() {
    }

    static Path path(List<String> arguments, String name) {
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals(name) && i + 1 < arguments.size()) {
                String value = arguments.get(i + 1);
                arguments.subList(i, i + 2).clear();
                return Path.of(value);
            }
            if (argument.startsWith(name + "=")) {
                arguments.remove(i);
                return Path.of(argument.substring(name.length() + 1));
            }
        }
        return null;
    }

    /** The value of {@code --name VALUE} or {@code --name=VALUE} as text, or null when absent. */
    static String value(List<String> arguments, String name) {
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals(name) && i + 1 < arguments.size()) {
                String value = arguments.get(i + 1);
                arguments.subList(i, i + 2).clear();
                return value;
            }
            if (argument.startsWith(name + "=")) {
                arguments.remove(i);
                return argument.substring(name.length() + 1);
            }
        }
        return null;
    }
}
