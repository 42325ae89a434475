package org.bianmin.hotline.web;

import jakarta.validation.constraints.NotBlank;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.bianmin.http.Access;
import org.bianmin.http.ApiException;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.RateLimiter;
import org.bianmin.http.RequestBodies;
import org.bianmin.hotline.application.TicketStore;
import org.bianmin.hotline.application.TrackingCodeLockout;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.hotline.photos.AttachingPhotos;
import org.bianmin.hotline.photos.PhotoRejectedException;
import org.bianmin.hotline.photos.StoredPhoto;

/**
 * {@code POST /v1/requests/{trackingNumber}/photos}: {@code {"code", "contentType", "data"}} with the photo as
 * base64, attached to the citizen's request (access as in {@link CitizenAccess}: the tracking code is the
 * credential). 201 with the kept photo; the same photo sent again returns the one kept. Bad input is a 4xx and
 * stores nothing.
 */
public final class PhotoUploadRoute implements HttpRoute {

    /** A 2 MB photo as base64 is 2.7 MB; with the JSON around it. */
    static final int MAX_BODY = 3 * 1024 * 1024;
    private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(WorkingCalendar.ZONE);

    private final CitizenAccess access;
    private final AttachingPhotos photos;

    public PhotoUploadRoute(TicketStore tickets, RateLimiter limiter, TrackingCodeLockout lockout, AttachingPhotos photos) {
        this.access = new CitizenAccess(tickets, limiter, lockout);
        this.photos = photos;
    }

    /** Public: the tracking code is the credential, checked by the route. */
    @Override
    public Access access() {
        return Access.anyone();
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String pathTemplate() {
        return "/v1/requests/{trackingNumber}/photos";
    }

    @Override
    public Set<Integer> statuses() {
        return Set.of(201, 400, 404, 409, 429);
    }

    @Override
    public int maxBodyBytes() {
        return MAX_BODY;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        PhotoBody body = RequestBodies.bind(request, PhotoBody.class);
        Ticket ticket = access.require(request, body.code());
        byte[] content;
        try {
            content = Base64.getMimeDecoder().decode(body.data());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_PHOTO", "照片数据须为 base64 编码。");
        }
        try {
            StoredPhoto kept = photos.attach(ticket.trackingNumber(), body.contentType(), content);
            return HttpResponse.json(201, view(kept));
        } catch (PhotoRejectedException e) {
            throw new ApiException(e.status(), e.code(), e.getMessage());
        }
    }

    static Map<String, Object> view(StoredPhoto photo) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", photo.id());
        view.put("contentType", photo.contentType());
        view.put("size", photo.size());
        view.put("uploadedAt", OFFSET_TIME.format(photo.uploadedAt()));
        return view;
    }

    /** The body of the upload: the tracking code, the photo's type and its bytes as base64. */
    record PhotoBody(
            String code,
            @NotBlank(message = "PHOTO_TYPE_REQUIRED:请说明照片格式（contentType 为 image/jpeg 或 image/png）。")
            String contentType,
            @NotBlank(message = "PHOTO_REQUIRED:请提供照片内容（data，base64 编码）。")
            String data) {
    }
}
