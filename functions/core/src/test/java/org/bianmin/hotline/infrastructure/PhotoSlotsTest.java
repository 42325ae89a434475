package org.bianmin.hotline.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.bianmin.hotline.photos.AttachingPhotos;
import org.bianmin.hotline.photos.PhotoRejectedException;
import org.bianmin.hotline.photos.StoredPhoto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Photos in the directory storage through {@link AttachingPhotos}: racing uploads never keep more than three, the
 * same photo racing with itself is kept once, and what is not an image is never written.
 */
class PhotoSlotsTest {

    private static final String TICKET = "BM261130000001";

    @TempDir
    Path root;

    @Test
    void racingUploadsKeepAtMostThreeAndEachLoserIsTold() throws Exception {
        AttachingPhotos photos = new AttachingPhotos(new DirectoryPhotoStorage(root), Clock.systemUTC());
        List<byte[]> distinct = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            distinct.add(jpeg(new Color(30 * i, 255 - 30 * i, 90)));
        }
        List<Object> outcomes = race(distinct.stream().<Callable<Object>>map(bytes -> () -> attach(photos, bytes)).toList());

        assertThat(outcomes).filteredOn(o -> o instanceof StoredPhoto).hasSize(3);
        assertThat(outcomes).filteredOn(o -> "PHOTO_LIMIT".equals(o)).hasSize(5);
        List<StoredPhoto> kept = photos.photos(TICKET);
        assertThat(kept).extracting(StoredPhoto::slot).containsExactly(1, 2, 3);
        for (StoredPhoto photo : kept) {
            assertThat(photos.read(TICKET, photo.slot())).get().satisfies(bytes -> assertThat(bytes).hasSize((int) photo.size()));
        }
    }

    @Test
    void theSamePhotoSentTwiceAtOnceIsKeptOnce() throws Exception {
        AttachingPhotos photos = new AttachingPhotos(new DirectoryPhotoStorage(root), Clock.systemUTC());
        byte[] bytes = jpeg(Color.ORANGE);
        List<Object> outcomes = race(List.<Callable<Object>>of(() -> attach(photos, bytes), () -> attach(photos, bytes),
                () -> attach(photos, bytes)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(StoredPhoto.class));
        assertThat(photos.photos(TICKET)).hasSize(1);
    }

    @Test
    void whatIsNotTheClaimedImageIsNeverWritten() throws Exception {
        AttachingPhotos photos = new AttachingPhotos(new DirectoryPhotoStorage(root), Clock.systemUTC());
        assertThatThrownBy(() -> photos.attach(TICKET, "image/jpeg", "<svg onload=alert(1)>".getBytes()))
                .isInstanceOf(PhotoRejectedException.class).hasFieldOrPropertyWithValue("code", "INVALID_PHOTO");
        byte[] truncated = java.util.Arrays.copyOf(jpeg(Color.RED), 20);
        assertThatThrownBy(() -> photos.attach(TICKET, "image/jpeg", truncated))
                .isInstanceOf(PhotoRejectedException.class).hasFieldOrPropertyWithValue("code", "INVALID_PHOTO");
        assertThatThrownBy(() -> photos.attach(TICKET, "image/svg+xml", jpeg(Color.RED)))
                .isInstanceOf(PhotoRejectedException.class).hasFieldOrPropertyWithValue("code", "UNSUPPORTED_PHOTO_TYPE");
        assertThatThrownBy(() -> photos.attach(TICKET, "image/jpeg", new byte[AttachingPhotos.MAX_BYTES + 1]))
                .isInstanceOf(PhotoRejectedException.class).hasFieldOrPropertyWithValue("code", "PHOTO_TOO_LARGE");
        assertThat(Files.exists(root.resolve(TICKET))).isFalse();
    }

    private static Object attach(AttachingPhotos photos, byte[] bytes) {
        try {
            return photos.attach(TICKET, "image/jpeg", bytes);
        } catch (PhotoRejectedException e) {
            return e.code();
        }
    }

    private static List<Object> race(List<Callable<Object>> uploads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(uploads.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> upload : uploads) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return upload.call();
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] jpeg(Color color) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
