package org.bianmin.hotline.infrastructure;

import java.io.InputStream;
import java.util.Optional;
import org.bianmin.hotline.training.TrainingStorage;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The training function's history and models in one S3 bucket (s3:GetObject and s3:PutObject on it). */
final class S3TrainingStorage implements TrainingStorage {

    private final S3Client s3;
    private final String bucket;

    S3TrainingStorage(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Optional<InputStream> open(String key) {
        try {
            return Optional.of(s3.getObject(get -> get.bucket(bucket).key(key)));
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        }
    }

    @Override
    public void write(String key, byte[] content, String contentType) {
        s3.putObject(put -> put.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }

    @Override
    public String describe(String key) {
        return "s3://" + bucket + "/" + key;
    }
}
