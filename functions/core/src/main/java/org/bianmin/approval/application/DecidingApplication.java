package org.bianmin.approval.application;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bianmin.approval.model.ApprovalDecision;
import org.bianmin.approval.model.ApprovalDecision.CheckResult;
import org.bianmin.approval.model.CheckOutcome;
import org.bianmin.approval.model.CheckRule;
import org.bianmin.approval.model.Decision;
import org.bianmin.approval.model.ResidentId;
import org.bianmin.approval.model.ServiceItem;
import org.bianmin.approval.sources.DataSource;

/**
 * 秒批: asks every data source an item needs at once (one request per source, shared by its checks), each with
 * its own timeout, all under an overall deadline, so the decision takes about as long as the slowest source.
 * A failed check rejects with the reasons; any source that is down, late or has no record for the applicant sends
 * the application to manual review; only full evidence approves.
 */
public final class DecidingApplication {

    private static final DateTimeFormatter OFFSET_TIME =
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(java.time.ZoneId.of("Asia/Shanghai"));

    private final Map<String, DataSource> sources;
    private final Duration perCheckTimeout;
    private final Duration deadline;
    private final Clock clock;

    public DecidingApplication(Map<String, DataSource> sources, Duration perCheckTimeout, Duration deadline, Clock clock) {
        this.sources = Map.copyOf(sources);
        this.perCheckTimeout = perCheckTimeout;
        this.deadline = deadline;
        this.clock = clock;
    }

    private record Answer(Optional<Map<String, Object>> record, CheckOutcome failure, String why, long latencyMs) {
    }

    public ApprovalDecision decide(String applicationId, ServiceItem item, ResidentId applicant) {
        long start = System.nanoTime();
        Set<String> needed = new LinkedHashSet<>();
        item.checks().forEach(c -> needed.add(c.source()));
        Map<String, CompletableFuture<Answer>> answers = new LinkedHashMap<>();
        for (String name : needed) {
            long asked = System.nanoTime();
            answers.put(name, sources.get(name).fetch(applicant)
                    .orTimeout(perCheckTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((record, error) -> {
                        long latency = (System.nanoTime() - asked) / 1_000_000;
                        if (error == null) {
                            return new Answer(record, null, null, latency);
                        }
                        Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
                        return cause instanceof TimeoutException
                                ? new Answer(Optional.empty(), CheckOutcome.TIMEOUT, "超时未答复", latency)
                                : new Answer(Optional.empty(), CheckOutcome.UNAVAILABLE, "数据源暂不可用", latency);
                    }));
        }
        try {
            CompletableFuture.allOf(answers.values().toArray(CompletableFuture[]::new))
                    .get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException overall) {
            // the checks still running count as timed out below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException impossible) {
            // each answer handles its own failure
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;

        List<CheckResult> results = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (CheckRule check : item.checks()) {
            Answer answer = answers.get(check.source()).getNow(
                    new Answer(Optional.empty(), CheckOutcome.TIMEOUT, "超过总时限未答复", elapsed));
            CheckOutcome outcome;
            String evidence;
            if (answer.failure() != null) {
                outcome = answer.failure();
                evidence = answer.why();
            } else if (answer.record().isEmpty()) {
                outcome = CheckOutcome.AMBIGUOUS;
                evidence = "数据源中没有该申请人的记录";
            } else {
                outcome = check.evaluate(answer.record().get());
                Object value = answer.record().get().get(check.field());
                evidence = check.field() + "=" + value;
            }
            results.add(new CheckResult(check.id(), check.label(), check.source(), outcome, evidence, answer.latencyMs()));
            if (outcome == CheckOutcome.FAIL) {
                failed.add(check.failReason());
            } else if (!outcome.isEvidence()) {
                missing.add("“" + check.label() + "”暂时无法核验（" + evidence + "）");
            }
        }
        Decision decision;
        List<String> reasons;
        if (!failed.isEmpty()) {
            decision = Decision.REJECTED;
            reasons = failed;
        } else if (!missing.isEmpty()) {
            decision = Decision.MANUAL_REVIEW;
            reasons = new ArrayList<>(missing);
            reasons.add("已转人工审核，工作人员将在3个工作日内联系您");
        } else {
            decision = Decision.APPROVED;
            reasons = List.of("经核验，您符合“" + item.name() + "”的全部条件，已批准");
        }
        return new ApprovalDecision(applicationId, item.code(), decision, reasons, results,
                OFFSET_TIME.format(clock.instant()));
    }
}
