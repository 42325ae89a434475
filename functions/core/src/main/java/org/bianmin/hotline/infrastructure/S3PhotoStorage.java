package org.bianmin.hotline.infrastructure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.bianmin.hotline.photos.PhotoStorage;
import org.bianmin.hotline.photos.StoredPhoto;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Photos in the private photo bucket: {@code requests/BM.../photo-1}, what the photo is in the object's metadata.
 * A slot is written with {@code If-None-Match: *}, so S3 itself refuses the second of two racing uploads (412).
 * Needs s3:ListBucket on the bucket and s3:GetObject and s3:PutObject on {@code requests/*}.
 */
final class S3PhotoStorage implements PhotoStorage {

    static final String PREFIX = "requests/";

    private final Supplier<S3Client> s3;
    private final String bucket;

    S3PhotoStorage(Supplier<S3Client> s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public List<StoredPhoto> list(String trackingNumber) {
        List<StoredPhoto> photos = new ArrayList<>();
        for (S3Object object : s3.get().listObjectsV2(l -> l.bucket(bucket).prefix(PREFIX + trackingNumber + "/photo-")).contents()) {
            String key = object.key();
            int slot = Integer.parseInt(key.substring(key.lastIndexOf('-') + 1));
            try {
                HeadObjectResponse head = s3.get().headObject(h -> h.bucket(bucket).key(key));
                Map<String, String> meta = head.metadata();
                photos.add(new StoredPhoto(slot, head.contentType(), head.contentLength(), meta.getOrDefault("sha256", ""),
                        Instant.parse(meta.getOrDefault("uploaded-at", head.lastModified().toString()))));
            } catch (NoSuchKeyException gone) {
                // deleted between the listing and the read: not a photo any more
            }
        }
        photos.sort(Comparator.comparingInt(StoredPhoto::slot));
        return photos;
    }

    @Override
    public boolean createIfAbsent(String trackingNumber, StoredPhoto photo, byte[] content) {
        try {
            s3.get().putObject(p -> p.bucket(bucket).key(key(trackingNumber, photo.slot())).contentType(photo.contentType())
                    .ifNoneMatch("*").metadata(Map.of("sha256", photo.sha256(), "uploaded-at", photo.uploadedAt().toString())),
                    RequestBody.fromBytes(content));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<byte[]> read(String trackingNumber, int slot) {
        try {
            return Optional.of(s3.get().getObjectAsBytes(g -> g.bucket(bucket).key(key(trackingNumber, slot))).asByteArray());
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        }
    }

    private static String key(String trackingNumber, int slot) {
        return PREFIX + trackingNumber + "/photo-" + slot;
    }
}
