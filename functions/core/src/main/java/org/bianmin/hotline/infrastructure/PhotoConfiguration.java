package org.bianmin.hotline.infrastructure;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bianmin.hotline.application.TrackingCodeLockout;
import org.bianmin.hotline.photos.AttachingPhotos;
import org.bianmin.hotline.photos.PhotoStorage;
import org.bianmin.hotline.web.PhotoUploadRoute;
import org.bianmin.hotline.web.StaffPhotosRoutes;
import org.bianmin.http.ApiGatewayHttpFunction;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.RateLimiter;
import org.bianmin.observability.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Photos on requests (the photosApi Lambda): citizens attach up to three to their request with its tracking code,
 * staff who may see the ticket view them. Stored in the bucket {@code BIANMIN_PHOTOS_BUCKET} names (AWS), else in
 * the directory {@code BIANMIN_PHOTOS_DIRECTORY} (the local runtime sets it inside its data directory), else in a
 * temporary directory of this process.
 */
@Configuration(proxyBeanMethods = false)
class PhotoConfiguration {

    static final String BUCKET = "bianmin.photos.bucket";
    static final String DIRECTORY = "bianmin.photos.directory";

    private static final Logger log = LoggerFactory.getLogger(PhotoConfiguration.class);

    @Bean
    PhotoStorage photoStorage(Environment environment) {
        String bucket = environment.getProperty(BUCKET);
        if (bucket != null && !bucket.isBlank()) {
            // made on the first photo, not at start: a cold start never waits for the S3 client
            Supplier<S3Client> client = new Supplier<>() {
                private S3Client s3;

                @Override
                public synchronized S3Client get() {
                    if (s3 == null) {
                        s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build();
                    }
                    return s3;
                }
            };
            return new S3PhotoStorage(client, bucket.strip());
        }
        String directory = environment.getProperty(DIRECTORY);
        try {
            Path root = directory != null && !directory.isBlank() ? Files.createDirectories(Path.of(directory.strip()))
                    : Files.createTempDirectory("bianmin-photos");
            if (directory == null || directory.isBlank()) {
                log.warn("photos are kept in {} and lost with it: set BIANMIN_PHOTOS_BUCKET or BIANMIN_PHOTOS_DIRECTORY", root);
            }
            return new DirectoryPhotoStorage(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Bean
    AttachingPhotos attachingPhotos(PhotoStorage photoStorage, Clock clock) {
        return new AttachingPhotos(photoStorage, clock);
    }

    @Bean
    PhotoUploadRoute photoUploadRoute(DynamoTicketStore tickets, RateLimiter citizenLimiter,
                                      TrackingCodeLockout trackingCodeLockout, AttachingPhotos attachingPhotos) {
        return new PhotoUploadRoute(tickets, citizenLimiter, trackingCodeLockout, attachingPhotos);
    }

    @Bean
    StaffPhotosRoutes staffPhotosRoutes(DynamoTicketStore tickets, AttachingPhotos attachingPhotos) {
        return new StaffPhotosRoutes(tickets, attachingPhotos);
    }

    /** The photos Lambda: the citizens' upload (public, tracking code) and the staff view (staff JWT authorizer). */
    @Bean
    Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> photosApi(PhotoUploadRoute upload, StaffPhotosRoutes staff,
                                                                       Metrics metrics) {
        List<HttpRoute> routes = new ArrayList<>(List.of(upload));
        routes.addAll(staff.routes());
        return new ApiGatewayHttpFunction(new HttpApi(routes, metrics));
    }
}
