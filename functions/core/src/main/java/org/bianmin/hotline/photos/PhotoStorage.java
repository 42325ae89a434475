package org.bianmin.hotline.photos;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where the photos citizens attach to their requests are kept: a private S3 bucket in AWS, the data directory on one
 * machine. A request has numbered slots ({@code 1} to {@link AttachingPhotos#MAX_PHOTOS}); a slot is written once,
 * so two uploads racing for the last slot cannot both win.
 */
public interface PhotoStorage {

    /** The photos of a request, by slot. */
    List<StoredPhoto> list(String trackingNumber) throws IOException;

    /** Writes the slot if it is still empty; false when another photo holds it. */
    boolean createIfAbsent(String trackingNumber, StoredPhoto photo, byte[] content) throws IOException;

    /** The bytes of one photo, if it exists. */
    Optional<byte[]> read(String trackingNumber, int slot) throws IOException;
}
