package org.bianmin.hotline.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bianmin.hotline.photos.AttachingPhotos;
import org.bianmin.hotline.photos.PhotoStorage;
import org.bianmin.hotline.photos.StoredPhoto;

/**
 * Photos in a directory (the local runtime's data directory): {@code BM.../photo-1.properties} holds what the photo
 * is and claims the slot (a hard link that fails when the name exists, so one of two racing uploads wins),
 * {@code photo-1.bin} the bytes, written to a temporary file first so a reader never sees half a photo.
 */
final class DirectoryPhotoStorage implements PhotoStorage {

    private static final Pattern TRACKING_NUMBER = Pattern.compile("BM\\d{12}");

    private final Path root;

    DirectoryPhotoStorage(Path root) {
        this.root = root;
    }

    @Override
    public List<StoredPhoto> list(String trackingNumber) throws IOException {
        List<StoredPhoto> photos = new ArrayList<>();
        Path folder = folder(trackingNumber);
        for (int slot = 1; slot <= AttachingPhotos.MAX_PHOTOS; slot++) {
            Path meta = folder.resolve("photo-" + slot + ".properties");
            // a claimed slot counts at once, its bytes follow a moment later (read answers empty until then)
            if (Files.exists(meta)) {
                Properties properties = new Properties();
                try (InputStream in = Files.newInputStream(meta)) {
                    properties.load(in);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                photos.add(new StoredPhoto(slot, properties.getProperty("contentType"),
                        Long.parseLong(properties.getProperty("size")), properties.getProperty("sha256"),
                        Instant.parse(properties.getProperty("uploadedAt"))));
            }
        }
        photos.sort(Comparator.comparingInt(StoredPhoto::slot));
        return photos;
    }

    @Override
    public boolean createIfAbsent(String trackingNumber, StoredPhoto photo, byte[] content) throws IOException {
        Path folder = Files.createDirectories(folder(trackingNumber));
        Path temporary = folder.resolve("upload-" + UUID.randomUUID() + ".tmp");
        Files.write(temporary, content);
        Properties properties = new Properties();
        properties.setProperty("contentType", photo.contentType());
        properties.setProperty("size", Long.toString(photo.size()));
        properties.setProperty("sha256", photo.sha256());
        properties.setProperty("uploadedAt", photo.uploadedAt().toString());
        // the description is written whole to a temporary file, then linked under the slot's name: the link is the
        // claim (it fails when the name exists), so a reader never sees half a description
        Path description = folder.resolve("claim-" + UUID.randomUUID() + ".tmp");
        try (OutputStream out = Files.newOutputStream(description, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            properties.store(out, null);
        }
        try {
            Files.createLink(folder.resolve("photo-" + photo.slot() + ".properties"), description);
        } catch (FileAlreadyExistsException taken) {
            Files.deleteIfExists(temporary);
            return false;
        } finally {
            Files.deleteIfExists(description);
        }
        Files.move(temporary, folder.resolve("photo-" + photo.slot() + ".bin"), StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    @Override
    public Optional<byte[]> read(String trackingNumber, int slot) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(folder(trackingNumber).resolve("photo-" + slot + ".bin")));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
    }

    /** Only a well-formed tracking number becomes a path: nothing a caller sends can leave the root. */
    private Path folder(String trackingNumber) {
        if (!TRACKING_NUMBER.matcher(trackingNumber).matches()) {
            throw new IllegalArgumentException("not a tracking number");
        }
        return root.resolve(trackingNumber);
    }
}
