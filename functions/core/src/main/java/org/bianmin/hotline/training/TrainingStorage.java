package org.bianmin.hotline.training;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where the training function finds a city's history and leaves its model and report: an S3 bucket in AWS, a
 * directory anywhere else. Keys are relative names ({@code history/2025.jsonl}, {@code models/router.model}).
 */
public interface TrainingStorage {

    /** The object under {@code key}, or empty when there is none. */
    Optional<InputStream> open(String key) throws IOException;

    void write(String key, byte[] content, String contentType) throws IOException;

    /** How the storage names {@code key} in messages and reports ({@code s3://bucket/key}, a path). */
    String describe(String key);
}
