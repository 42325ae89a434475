package org.bianmin.approval.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.approval.model.ApprovalDecision;
import org.bianmin.approval.model.CheckRule;
import org.bianmin.approval.model.ServiceItem;

/**
 * What the applicant reads about a decision: per check whether it passed, failed or could not be checked, and why,
 * in words from the item's rules. The values the sources returned (age, properties, contributions ...) are left out:
 * they are personal data of the sources and stay in the stored decision record for the audit.
 */
final class ApplicantReply {

    private ApplicantReply() {
    }

    static Map<String, Object> of(ApprovalDecision decision, ServiceItem item) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("applicationId", decision.applicationId());
        reply.put("item", decision.item());
        reply.put("decision", decision.decision());
        reply.put("reasons", decision.reasons());
        reply.put("checks", decision.checks().stream().map(check -> check(check, item)).toList());
        reply.put("decidedAt", decision.decidedAt());
        return reply;
    }

    private static Map<String, Object> check(ApprovalDecision.CheckResult result, ServiceItem item) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("check", result.check());
        view.put("label", result.label());
        view.put("source", result.source());
        view.put("outcome", result.outcome());
        view.put("explanation", explanation(result, item.checks()));
        return view;
    }

    private static String explanation(ApprovalDecision.CheckResult result, List<CheckRule> rules) {
        return switch (result.outcome()) {
            case PASS -> "符合：" + result.label();
            case FAIL -> rules.stream().filter(r -> r.id().equals(result.check())).map(CheckRule::failReason)
                    .findFirst().orElse("不符合：" + result.label());
            case AMBIGUOUS -> "“" + result.label() + "”数据源无法给出明确结果，已转人工审核";
            case UNAVAILABLE, TIMEOUT -> "“" + result.label() + "”的数据源暂时无法访问，已转人工审核";
        };
    }
}
