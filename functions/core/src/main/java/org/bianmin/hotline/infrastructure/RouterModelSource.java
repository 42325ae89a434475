package org.bianmin.hotline.infrastructure;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import org.bianmin.hotline.classification.DomainModel;
import org.bianmin.hotline.classification.DomainModelFile;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Where {@code BIANMIN_ROUTER_MODEL} points: a file path (local runtime) or an {@code s3://bucket/key} URI (AWS).
 * A model that is missing, damaged or made for another version stops the start with a message naming it: a
 * router silently falling back to the built-in model would route a city's tickets worse without anyone knowing.
 */
final class RouterModelSource {

    private RouterModelSource() {
    }

    static DomainModel load(String location) {
        if (location.startsWith("s3://")) {
            URI uri = URI.create(location);
            String key = uri.getPath().startsWith("/") ? uri.getPath().substring(1) : uri.getPath();
            if (uri.getHost() == null || key.isEmpty()) {
                throw new IllegalStateException("BIANMIN_ROUTER_MODEL=" + location + " is not s3://bucket/key");
            }
            try (S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build();
                 InputStream in = s3.getObject(GetObjectRequest.builder().bucket(uri.getHost()).key(key).build())) {
                return DomainModelFile.read(in, location);
            } catch (NoSuchKeyException | NoSuchBucketException e) {
                throw new IllegalStateException("router model " + location + ": no such S3 object", e);
            } catch (SdkException | java.io.IOException e) {
                throw new IllegalStateException("router model " + location + ": cannot be read (" + e.getMessage() + ")", e);
            }
        }
        return DomainModelFile.read(Path.of(location));
    }
}
