package org.bianmin.approval.web;

import org.bianmin.observability.Metrics;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.http.Access;
import org.bianmin.http.ApiException;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.HttpRouteGroup;
import org.bianmin.http.CharacterCount;
import org.bianmin.http.RequestBodies;
import org.bianmin.approval.application.ApplyingForApproval;
import org.bianmin.approval.application.ApprovalRecords;
import org.bianmin.approval.application.DecidingApplication;
import org.bianmin.approval.application.ServiceCatalog;
import org.bianmin.approval.model.ApprovalDecision;
import org.bianmin.approval.model.ResidentId;
import org.bianmin.approval.model.ServiceItem;
import org.bianmin.store.Idempotency;
import org.bianmin.store.IdempotencyConflictException;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /v1/approvals/items} (public), {@code POST /v1/approvals} (the applicant, with a citizen token whose
 * {@value Access#CITIZEN_ID_CLAIM} claim is the applicant's ID number) and {@code POST /v1/staff/approvals} (staff of
 * the item's approving department, applying on a resident's behalf). Anyone else would turn the data sources into an
 * oracle for other people's records. The reply says which checks passed or failed and why, never the values the
 * sources returned (those stay in the stored decision record, for the audit). Input is validated before anything runs or is
 * stored (resident ID format, birth date and checksum; the item's required fields and their types). The same
 * application id with the same request returns the same decision; a different request under a used id is a 422,
 * a repeat while the first is still being decided a 409 (the IETF Idempotency-Key draft's answers).
 */
public final class ApprovalRoutes implements HttpRouteGroup {

    private final ServiceCatalog catalog;
    private final ApplyingForApproval applying;

    public ApprovalRoutes(ServiceCatalog catalog, DecidingApplication deciding, ApprovalRecords store, Idempotency idempotency) {
        this(catalog, deciding, store, idempotency, Metrics.none());
    }

    public ApprovalRoutes(ServiceCatalog catalog, DecidingApplication deciding, ApprovalRecords store, Idempotency idempotency,
                          Metrics metrics) {
        this.catalog = catalog;
        this.applying = new ApplyingForApproval(deciding, store, idempotency, metrics);
    }

    @Override
    public List<HttpRoute> routes() {
        return List.of(HttpRoute.of("GET", "/v1/approvals/items", Access.anyone(), request -> HttpResponse.json(200,
                        Map.of("items", catalog.items().stream().map(ApprovalRoutes::describe).toList()))),
                HttpRoute.of("POST", "/v1/approvals", Access.citizen(), request -> apply(request, AppliedBy.CITIZEN))
                        .answering(200, 400, 403, 409, 422),
                HttpRoute.of("POST", "/v1/staff/approvals", Access.staff(), request -> apply(request, AppliedBy.STAFF))
                        .answering(200, 400, 403, 409, 422));
    }

    private static Map<String, Object> describe(ServiceItem item) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("code", item.code());
        view.put("name", item.name());
        view.put("department", item.department());
        view.put("description", item.description());
        view.put("applicantFields", List.of(Map.of("name", "idNumber", "label", "居民身份证号码"),
                Map.of("name", "name", "label", "姓名")));
        view.put("fields", item.requiredFields());
        view.put("checks", item.checks().stream().map(c -> Map.of("id", c.id(), "label", c.label(), "source", c.source())).toList());
        return view;
    }

    private enum AppliedBy { CITIZEN, STAFF }

    private HttpResponse apply(HttpRequest request, AppliedBy appliedBy) {
        ApplicationBody body = RequestBodies.bind(request, ApplicationBody.class);
        String code = body.item();
        ServiceItem item = catalog.item(code == null ? "" : code).orElseThrow(() ->
                ApiException.badRequest("UNKNOWN_ITEM", "没有这个事项：" + code + "。可办事项见 GET /v1/approvals/items。"));
        String applicationId = body.applicationId();
        String idNumber = body.applicant().idNumber();
        ResidentId id = ResidentId.parse(idNumber);
        if (appliedBy == AppliedBy.CITIZEN) {
            requireSelf(request, id);
        } else {
            requireApprovingDepartment(request, item);
        }
        validateFields(item, body.fields());
        try {
            return HttpResponse.json(200, ApplicantReply.of(applying.apply(applicationId, item, id, request.body()), item));
        } catch (IdempotencyConflictException e) {
            throw switch (e.reason()) {
                case REQUEST_CHANGED -> new ApiException(e.httpStatus(), "APPLICATION_ID_REUSED", "该申请编号已用于另一份申请，请换一个申请编号。");
                case IN_PROGRESS -> new ApiException(e.httpStatus(), "APPLICATION_IN_PROGRESS", "该申请正在审核中，请稍后用同一申请编号重试。");
            };
        } catch (ApplyingForApproval.ApplicationIdReusedException e) {
            throw new ApiException(422, "APPLICATION_ID_REUSED", "该申请编号已有审批决定，请换一个申请编号。");
        }
    }

    /** A citizen applies only for themselves: the token's verified ID number must be the applicant's. */
    private static void requireSelf(HttpRequest request, ResidentId applicant) {
        String verified = request.claim(Access.CITIZEN_ID_CLAIM).orElse("");
        if (ResidentId.problem(verified).isPresent() || !ResidentId.parse(verified).equals(applicant)) {
            throw new ApiException(403, "NOT_THE_APPLICANT", "只能为本人申请：申请人身份证号码须与登录账号一致。");
        }
    }

    /** Staff apply on a resident's behalf only for their own department's items. */
    private static void requireApprovingDepartment(HttpRequest request, ServiceItem item) {
        if (!request.claim("department").map(item.department()::equals).orElse(false)) {
            throw new ApiException(403, "FORBIDDEN", "只有“" + item.department() + "”的工作人员可以代为申请该事项。");
        }
    }

    private static void validateFields(ServiceItem item, JsonNode fields) {
        if (item.requiredFields().isEmpty()) {
            return;
        }
        if (fields == null || !fields.isObject()) {
            throw ApiException.badRequest("FIELDS_REQUIRED", "请填写事项所需信息 fields。");
        }
        for (ServiceItem.RequiredField field : item.requiredFields()) {
            JsonNode value = fields.get(field.name());
            boolean ok = value != null && switch (field.type()) {
                case "number" -> value.isNumber();
                case "boolean" -> value.isBoolean();
                default -> value.isString() && !value.stringValue().isBlank()
                        && (field.values().isEmpty() || field.values().contains(value.stringValue()));
            };
            if (!ok) {
                throw ApiException.badRequest("INVALID_FIELD", "“" + field.label() + "”（" + field.name() + "）缺失或格式不正确"
                        + (field.values().isEmpty() ? "" : "，可选值：" + String.join("、", field.values())) + "。");
            }
        }
    }

    /** The body of {@code POST /v1/approvals}; {@code fields} depend on the item and are checked against it. */
    record ApplicationBody(
            @NotNull(message = APPLICATION_ID) @Pattern(regexp = "[A-Za-z0-9_-]{6,64}", message = APPLICATION_ID)
            String applicationId,
            String item,
            @NotNull(message = "APPLICANT_REQUIRED:请提供申请人信息 applicant（含 idNumber 与 name）。") @Valid
            Applicant applicant,
            JsonNode fields) {

        private static final String APPLICATION_ID = "INVALID_APPLICATION_ID:applicationId 必填（6-64位字母、数字、- 或 _）。";

        record Applicant(
                @ResidentIdNumber
                String idNumber,
                @NotBlank(message = NAME) @CharacterCount(max = 30, message = NAME)
                String name) {

            private static final String NAME = "INVALID_NAME:请填写申请人姓名（不超过30字）。";
        }
    }
}
