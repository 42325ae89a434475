package org.bianmin.hotline.photos;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Photos on a request: at most {@value #MAX_PHOTOS}, each a JPEG or PNG of at most {@value #MAX_BYTES} bytes and
 * {@value #MAX_SIDE} pixels a side (the chatbot resizes in the browser to 1600 px first). The bytes must be the image
 * they claim to be: the type is read from the file's signature and its header must decode, so nothing else is ever
 * stored or shown to staff. Uploading the same photo again returns the one already kept.
 */
public final class AttachingPhotos {

    public static final int MAX_PHOTOS = 3;
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_SIDE = 4096;
    private static final Map<String, String> FORMATS = Map.of("image/jpeg", "jpeg", "image/png", "png");

    private final PhotoStorage storage;
    private final Clock clock;

    public AttachingPhotos(PhotoStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** The photo kept for this upload: a new slot, or the slot already holding the same bytes. */
    public StoredPhoto attach(String trackingNumber, String contentType, byte[] content) {
        if (contentType == null || !FORMATS.containsKey(contentType)) {
            throw new PhotoRejectedException(400, "UNSUPPORTED_PHOTO_TYPE", "只能上传 JPEG 或 PNG 格式的照片。");
        }
        if (content.length == 0) {
            throw new PhotoRejectedException(400, "PHOTO_EMPTY", "照片内容为空。");
        }
        if (content.length > MAX_BYTES) {
            throw new PhotoRejectedException(413, "PHOTO_TOO_LARGE", "照片不能超过2MB，请压缩后再上传。");
        }
        checkImage(contentType, content);
        String sha256 = sha256(content);
        try {
            // each lost race for a slot re-reads the request's photos: the winner may have kept these very bytes
            for (int attempt = 0; attempt <= MAX_PHOTOS; attempt++) {
                List<StoredPhoto> kept = storage.list(trackingNumber);
                Optional<StoredPhoto> same = kept.stream().filter(p -> p.sha256().equals(sha256)).findFirst();
                if (same.isPresent()) {
                    return same.get();
                }
                OptionalInt free = IntStream.rangeClosed(1, MAX_PHOTOS)
                        .filter(slot -> kept.stream().noneMatch(p -> p.slot() == slot)).findFirst();
                if (free.isEmpty()) {
                    break;
                }
                StoredPhoto photo = new StoredPhoto(free.getAsInt(), contentType, content.length, sha256, clock.instant());
                if (storage.createIfAbsent(trackingNumber, photo, content)) {
                    return photo;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new PhotoRejectedException(409, "PHOTO_LIMIT", "每条诉求最多上传" + MAX_PHOTOS + "张照片。");
    }

    public List<StoredPhoto> photos(String trackingNumber) {
        try {
            return storage.list(trackingNumber);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<byte[]> read(String trackingNumber, int slot) {
        try {
            return storage.read(trackingNumber, slot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The signature says the declared type and the header decodes with sides in range. */
    private static void checkImage(String contentType, byte[] content) {
        String format = FORMATS.get(contentType);
        boolean signature = format.equals("jpeg")
                ? content.length > 3 && (content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xd8 && (content[2] & 0xff) == 0xff
                : content.length > 8 && (content[0] & 0xff) == 0x89 && content[1] == 'P' && content[2] == 'N' && content[3] == 'G';
        if (!signature) {
            throw new PhotoRejectedException(400, "INVALID_PHOTO", "文件不是有效的" + (format.equals("jpeg") ? "JPEG" : "PNG") + "图片。");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (in == null || !readers.hasNext()) {
                throw new PhotoRejectedException(400, "INVALID_PHOTO", "无法识别该图片。");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
                    throw new PhotoRejectedException(400, "INVALID_PHOTO", "图片尺寸须在1到" + MAX_SIDE + "像素之间。");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PhotoRejectedException rejected) {
                throw rejected;
            }
            throw new PhotoRejectedException(400, "INVALID_PHOTO", "图片已损坏或无法识别。");
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
