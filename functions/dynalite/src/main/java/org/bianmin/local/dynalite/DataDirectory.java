package org.bianmin.local.dynalite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A local runtime's data directory, held with an exclusive operating-system lock on {@code runtime.lock} for as long
 * as the store runs. The kernel drops the lock when the holder dies (kill -9 included), so a crash never leaves a
 * stale lock, while a second runtime on the same directory is refused instead of corrupting it. The lock file
 * holds the owner's pid for the message. Tables live in {@code tables/} (LevelDB files).
 */
public final class DataDirectory implements AutoCloseable {

    static final String LOCK_FILE = "runtime.lock";
    static final String TABLES = "tables";

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectory(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates {@code directory} if needed and locks it, or fails with a message naming the process that holds it. */
    public static DataDirectory lock(Path directory) {
        Path path = directory.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            Files.createDirectories(path);
            channel = FileChannel.open(path.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                String owner = readOwner(channel);
                channel.close();
                throw new DataDirectoryInUseException("The data directory " + path + " is in use by another Bianmin runtime"
                        + (owner.isEmpty() ? "" : " (pid " + owner + ")")
                        + ". Stop that runtime first, or give this one another directory with BIANMIN_DATA_DIR.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
            Files.createDirectories(path.resolve(TABLES));
            return new DataDirectory(path, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot use the data directory " + path + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    /** Where dynalite keeps the tables (a LevelDB database). */
    Path tablesPath() {
        return path.resolve(TABLES);
    }

    /** True when the directory holds no tables yet (the store was never started on it). */
    public static boolean isEmpty(Path directory) {
        Path tables = directory.resolve(TABLES);
        try (var entries = Files.exists(tables) ? Files.list(tables) : java.util.stream.Stream.<Path>empty()) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
    }

    private static String readOwner(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
