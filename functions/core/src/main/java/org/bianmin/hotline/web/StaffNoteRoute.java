package org.bianmin.hotline.web;

import java.util.Set;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bianmin.hotline.application.AddingTicketNote;
import org.bianmin.hotline.application.TransitionRefusedException;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.http.Access;
import org.bianmin.http.ApiException;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.RequestBodies;

/**
 * {@code POST /v1/staff/requests/{trackingNumber}/notes} {@code {"text","visibility":"internal"|"public"}}: an
 * internal note for colleagues (never on the citizen's timeline) or a reply the citizen reads; the status does not
 * change. 400 for an empty or too long text or another visibility, 403 for a ticket the caller may not see, 404 for
 * an unknown ticket, 409 for a lost race.
 */
public final class StaffNoteRoute implements HttpRoute {

    private final AddingTicketNote notes;

    public StaffNoteRoute(AddingTicketNote notes) {
        this.notes = notes;
    }

    @Override
    public Access access() {
        return Access.staff();
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String pathTemplate() {
        return "/v1/staff/requests/{trackingNumber}/notes";
    }

    @Override
    public Set<Integer> statuses() {
        return Set.of(200, 400, 403, 404, 409);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        StaffMember actor = StaffAuthentication.require(request);
        NoteBody body = RequestBodies.bind(request, NoteBody.class);
        try {
            return HttpResponse.json(200, RequestStatusRoute.staffView(notes.add(request.pathParameter("trackingNumber"),
                    body.text(), "public".equals(body.visibility()), actor)));
        } catch (TransitionRefusedException e) {
            int status = switch (e.reason()) {
                case NOT_FOUND -> 404;
                case FORBIDDEN -> 403;
                case CONCURRENT_UPDATE, ILLEGAL_TRANSITION -> 409;
                default -> 400;
            };
            throw new ApiException(status, e.reason().name(), e.getMessage());
        }
    }

    /** A note's text and who may read it. */
    record NoteBody(
            @NotBlank(message = "NOTE_REQUIRED:请填写内容。")
            @Size(max = AddingTicketNote.MAX_LENGTH, message = "NOTE_TOO_LONG:内容不能超过{max}字。")
            String text,
            @NotBlank(message = "INVALID_VISIBILITY:visibility 只能是 internal（内部备注）或 public（答复市民）。")
            @Pattern(regexp = "internal|public", message = "INVALID_VISIBILITY:visibility 只能是 internal（内部备注）或 public（答复市民）。")
            String visibility) {
    }
}
