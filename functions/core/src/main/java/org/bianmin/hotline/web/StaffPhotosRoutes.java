package org.bianmin.hotline.web;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bianmin.http.Access;
import org.bianmin.http.ApiException;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.HttpRouteGroup;
import org.bianmin.hotline.application.TicketStore;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.photos.AttachingPhotos;
import org.bianmin.hotline.photos.StoredPhoto;

/**
 * The photos of a ticket for the staff who may see the ticket (a department its own, the dispatch centre all):
 * {@code GET /v1/staff/requests/{trackingNumber}/photos} lists them, {@code .../photos/{photoId}} returns one as
 * base64 with its type, for an {@code <img>} on the console (the pages allow data: images). Photos are never
 * public: there is no URL of the bucket anyone could share.
 */
public final class StaffPhotosRoutes implements HttpRouteGroup {

    private static final Pattern TRACKING_NUMBER = Pattern.compile("BM\\d{12}");
    private static final Pattern PHOTO_ID = Pattern.compile("photo-([1-9])");

    private final TicketStore tickets;
    private final AttachingPhotos photos;

    public StaffPhotosRoutes(TicketStore tickets, AttachingPhotos photos) {
        this.tickets = tickets;
        this.photos = photos;
    }

    @Override
    public List<HttpRoute> routes() {
        return List.of(
                HttpRoute.of("GET", "/v1/staff/requests/{trackingNumber}/photos", Access.staff(), this::list)
                        .answering(200, 403, 404),
                HttpRoute.of("GET", "/v1/staff/requests/{trackingNumber}/photos/{photoId}", Access.staff(), this::one)
                        .answering(200, 403, 404));
    }

    private HttpResponse list(HttpRequest request) {
        Ticket ticket = visibleTicket(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trackingNumber", ticket.trackingNumber());
        body.put("photos", photos.photos(ticket.trackingNumber()).stream().map(PhotoUploadRoute::view).toList());
        return HttpResponse.json(200, body);
    }

    private HttpResponse one(HttpRequest request) {
        Ticket ticket = visibleTicket(request);
        Matcher id = PHOTO_ID.matcher(request.pathParameter("photoId"));
        int slot = id.matches() ? Integer.parseInt(id.group(1)) : 0;
        StoredPhoto photo = photos.photos(ticket.trackingNumber()).stream().filter(p -> p.slot() == slot).findFirst()
                .orElseThrow(StaffPhotosRoutes::noPhoto);
        byte[] content = photos.read(ticket.trackingNumber(), slot).orElseThrow(StaffPhotosRoutes::noPhoto);
        Map<String, Object> body = new LinkedHashMap<>(PhotoUploadRoute.view(photo));
        body.put("data", Base64.getEncoder().encodeToString(content));
        return HttpResponse.json(200, body);
    }

    private Ticket visibleTicket(HttpRequest request) {
        StaffMember actor = StaffAuthentication.require(request);
        String trackingNumber = request.pathParameter("trackingNumber");
        return (TRACKING_NUMBER.matcher(trackingNumber).matches() ? tickets.find(trackingNumber) : java.util.Optional.<Ticket>empty())
                .filter(actor::mayAccess)
                .orElseThrow(() -> new ApiException(404, "NOT_FOUND", "未找到该工单，或无权查看。"));
    }

    private static ApiException noPhoto() {
        return new ApiException(404, "PHOTO_NOT_FOUND", "该工单没有这张照片。");
    }
}
