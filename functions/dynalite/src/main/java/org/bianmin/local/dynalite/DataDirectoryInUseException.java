package org.bianmin.local.dynalite;

/** Another process holds the data directory; the message says which and what to do. */
public final class DataDirectoryInUseException extends IllegalStateException {

    public DataDirectoryInUseException(String message) {
        super(message);
    }
}
