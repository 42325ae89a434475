package org.bianmin.hotline.web;

import org.bianmin.http.ApiException;
import org.bianmin.http.HttpRequest;
import org.bianmin.hotline.model.StaffMember;

/** The staff member behind a request, from the verified JWT claims; 401 when there are none. */
final class StaffAuthentication {

    private StaffAuthentication() {
    }

    static StaffMember require(HttpRequest request) {
        String subject = request.claim("sub").orElseThrow(StaffAuthentication::unauthenticated);
        boolean dispatch = request.claim("role").map(StaffMember.DISPATCH_CENTRE_ROLE::equals).orElse(false);
        String department = request.claim("department").orElse(null);
        if (!dispatch && (department == null || department.isBlank())) {
            throw new ApiException(403, "FORBIDDEN", "账号未关联部门，无权访问工单。");
        }
        return new StaffMember(subject, department, dispatch);
    }

    private static ApiException unauthenticated() {
        return new ApiException(401, "UNAUTHENTICATED", "请先登录（需要有效的工作人员令牌）。");
    }
}
