package org.bianmin.approval.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.bianmin.http.Access;
import org.bianmin.http.ApiException;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.HttpRouteGroup;
import org.bianmin.http.RequestBodies;
import org.bianmin.approval.application.BatchStore;
import org.bianmin.approval.application.ReverificationQueue;
import org.bianmin.approval.application.ReverifyingRecipients;
import org.bianmin.approval.application.ServiceCatalog;
import org.bianmin.approval.model.ResidentId;
import org.bianmin.approval.model.ServiceItem;

/**
 * {@code POST /v1/approvals/batches} {@code {"item","idNumbers":[...]}} -> 202 {@code {"batchId"}}, and
 * {@code GET /v1/approvals/batches/{batchId}} -> progress and summary. Every ID number is validated before
 * anything is queued; the first invalid one is named in the 400.
 */
public final class ReverificationRoutes implements HttpRouteGroup {

    static final int MAX_RECIPIENTS = 100_000;

    private final ServiceCatalog catalog;
    private final ReverifyingRecipients reverifying;
    private final ReverificationQueue queue;
    private final BatchStore batches;

    public ReverificationRoutes(ServiceCatalog catalog, ReverifyingRecipients reverifying, ReverificationQueue queue,
                                BatchStore batches) {
        this.catalog = catalog;
        this.reverifying = reverifying;
        this.queue = queue;
        this.batches = batches;
    }

    @Override
    public List<HttpRoute> routes() {
        return List.of(HttpRoute.of("POST", "/v1/approvals/batches", Access.staff(), this::start).answering(202, 400, 403),
                HttpRoute.of("GET", "/v1/approvals/batches/{batchId}", Access.staff(), request -> batches.progress(request.pathParameter("batchId"))
                        .map(progress -> HttpResponse.json(200, progress))
                        .orElseThrow(() -> new ApiException(404, "NOT_FOUND", "没有这个核验批次。"))).answering(200, 404));
    }

    private HttpResponse start(HttpRequest request) {
        BatchBody body = RequestBodies.bind(request, BatchBody.class);
        ServiceItem item = catalog.item(body.item() == null ? "" : body.item()).orElseThrow(() ->
                ApiException.badRequest("UNKNOWN_ITEM", "没有这个事项：" + body.item() + "。"));
        if (!request.claim("department").map(item.department()::equals).orElse(false)) {
            throw new ApiException(403, "FORBIDDEN", "只有“" + item.department() + "”的工作人员可以发起该事项的批量核验。");
        }
        List<ResidentId> recipients = body.idNumbers().stream().map(ResidentId::parse).toList();
        return HttpResponse.json(202, Map.of("batchId", reverifying.start(item, recipients, queue), "total", recipients.size()));
    }

    /** The body of {@code POST /v1/approvals/batches}: every ID number is checked before anything is queued. */
    record BatchBody(
            String item,
            @NotNull(message = RECIPIENTS) @Size(min = 1, max = MAX_RECIPIENTS, message = RECIPIENTS)
            List<@NotNull(message = "INVALID_ID_NUMBER:身份证号码不能为空。") @ResidentIdNumber String> idNumbers) {

        private static final String RECIPIENTS = "INVALID_RECIPIENTS:idNumbers 须为1到" + MAX_RECIPIENTS + "个身份证号码的数组。";
    }
}
