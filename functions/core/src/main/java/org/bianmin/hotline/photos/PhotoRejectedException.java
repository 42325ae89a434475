package org.bianmin.hotline.photos;

/** A photo the caller sent that cannot be kept (too big, not an image, too many): a 4xx with this code and message. */
public final class PhotoRejectedException extends RuntimeException {

    private final int status;
    private final String code;

    public PhotoRejectedException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
