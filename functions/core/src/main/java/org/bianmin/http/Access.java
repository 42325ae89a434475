package org.bianmin.http;

import java.util.Optional;
import java.util.Set;

/**
 * Who may call a route. Every route declares one; the same declaration decides which API Gateway authorizer the
 * template puts in front of it (checked by the template test) and which token the local runtime accepts, and
 * {@link HttpApi} refuses a request without the verified claims it needs before the route runs.
 *
 * <ul>
 *   <li>{@code PUBLIC}: anyone; a route may still ask for a secret of its own (a tracking code).</li>
 *   <li>{@code CITIZEN}: a resident signed in with the city's identity provider (the {@value #CITIZEN_AUTHORIZER}).</li>
 *   <li>{@code DEVICE}: a registered device with its own credentials, checked by the route (no JWT).</li>
 *   <li>{@code STAFF}: staff with a token from the {@value #STAFF_AUTHORIZER}; optionally only some roles.</li>
 * </ul>
 */
public record Access(Caller caller, Set<String> roles) {

    public enum Caller { PUBLIC, CITIZEN, DEVICE, STAFF }

    public static final String STAFF_AUTHORIZER = "StaffJwt";
    public static final String CITIZEN_AUTHORIZER = "CitizenJwt";

    /** The citizen token's claim that holds the resident ID number the identity provider verified. */
    public static final String CITIZEN_ID_CLAIM = "idNumber";

    /** The role claim of device administrators: they register devices and watch alarms. */
    public static final String DEVICE_ADMIN_ROLE = "device-admin";
    /** The role claim of the 12345 dispatch centre. */
    public static final String DISPATCH_ROLE = "dispatch";
    /** The role claim of the knowledge editors: they read the chatbot's gap list and keep the entries. */
    public static final String KNOWLEDGE_EDITOR_ROLE = "knowledge-editor";

    public Access {
        roles = Set.copyOf(roles);
        if (!roles.isEmpty() && caller != Caller.STAFF) {
            throw new IllegalArgumentException("only staff access has roles");
        }
    }

    public static Access anyone() {
        return new Access(Caller.PUBLIC, Set.of());
    }

    public static Access citizen() {
        return new Access(Caller.CITIZEN, Set.of());
    }

    public static Access device() {
        return new Access(Caller.DEVICE, Set.of());
    }

    /** Any staff member; the route narrows it further (own department, dispatch centre). */
    public static Access staff() {
        return new Access(Caller.STAFF, Set.of());
    }

    /** Staff holding one of these roles (the {@code role} claim). */
    public static Access staffWithRole(String... roles) {
        return new Access(Caller.STAFF, Set.of(roles));
    }

    /** The JWT authorizer API Gateway runs before the function; empty where the function checks the caller itself. */
    public Optional<String> authorizer() {
        return switch (caller) {
            case STAFF -> Optional.of(STAFF_AUTHORIZER);
            case CITIZEN -> Optional.of(CITIZEN_AUTHORIZER);
            case PUBLIC, DEVICE -> Optional.empty();
        };
    }

    /** Null when the verified claims of the request satisfy this access, otherwise the refusal. */
    ApiException refusal(HttpRequest request) {
        if (caller == Caller.PUBLIC || caller == Caller.DEVICE) {
            return null;
        }
        if (request.claim("sub").filter(s -> !s.isBlank()).isEmpty()) {
            return new ApiException(401, "UNAUTHENTICATED", caller == Caller.CITIZEN
                    ? "请先登录（需要统一身份认证签发的市民令牌）。" : "请先登录（需要有效的工作人员令牌）。");
        }
        if (!roles.isEmpty() && request.claim("role").filter(roles::contains).isEmpty()) {
            return new ApiException(403, "FORBIDDEN", "当前账号无权使用该功能。");
        }
        return null;
    }
}
