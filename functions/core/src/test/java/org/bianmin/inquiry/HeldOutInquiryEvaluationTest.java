package org.bianmin.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.bianmin.inquiry.application.AnsweringInquiry;
import org.bianmin.inquiry.infrastructure.DynamoConversationStore;
import org.bianmin.inquiry.model.Channel;
import org.bianmin.inquiry.model.Inquiry;
import org.bianmin.inquiry.model.InquiryAction;
import org.bianmin.inquiry.model.InquiryReply;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.testing.EvaluationGroups;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;

/**
 * The answer policy on questions it was never tuned on ({@code evaluation/holdout-callers.jsonl}): stories and dialect
 * questions the knowledge base answers, and questions about services it does not cover at all. The set was written
 * apart from the entries and from the grouped set the policy's thresholds were chosen on (docs/inquiry.md), after
 * the thresholds were fixed; it was not used to change them. An uncovered question counts only when it is handed
 * off to a person (HANDOFF): an answer or suggestions from an unrelated entry, or small talk, is a miss.
 */
class HeldOutInquiryEvaluationTest {

    /**
     * What the first run measured (docs/inquiry.md), held as floors: far below the grouped set's 0.90, which is the
     * point of a held-out set. A drop means the policy got worse on new wording.
     */
    static final Map<String, Double> FLOORS = Map.of(
            "narrative", 0.67,
            "dialect", 0.52,
            "uncovered", 0.89);

    private final AnsweringInquiry inquiries = new AnsweringInquiry(Knowledge.lucene(),
            new DynamoConversationStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX),
            Clock.systemUTC(), Duration.ofHours(2));

    @Test
    void newWordingIsAnsweredFromAnExpectedEntryAndUncoveredServicesAreHandedOff() {
        Map<String, int[]> groups = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (EvaluationGroups.Question question : EvaluationGroups.load("evaluation/holdout-*.jsonl")) {
            InquiryReply reply = inquiries.answer(new Inquiry(question.text(), null, Channel.CHATBOT));
            String got = reply.entry() != null ? reply.entry().id()
                    : reply.suggestions().isEmpty() ? null : reply.suggestions().get(0).id();
            boolean hit = question.expected().isEmpty()
                    ? reply.action() == InquiryAction.HANDOFF
                    : got != null && question.expected().contains(got);
            int[] counts = groups.computeIfAbsent(question.group(), g -> new int[2]);
            counts[0]++;
            counts[1] += hit ? 1 : 0;
            if (!hit) {
                misses.add(String.format(Locale.ROOT, "- [%s] %s | expected %s | %s %s", question.group(),
                        question.text(), question.expected(), reply.action(), got));
            }
        }
        StringBuilder report = new StringBuilder("held-out inquiry, right per group\n");
        groups.forEach((group, counts) -> report.append(String.format(Locale.ROOT, "  %-10s %3d questions, %.3f (%d)%n",
                group, counts[0], (double) counts[1] / counts[0], counts[1])));
        report.append("Misses (").append(misses.size()).append("):\n").append(String.join("\n", misses));
        System.out.println(report);
        assertThat(groups.keySet()).containsExactlyInAnyOrderElementsOf(FLOORS.keySet());
        FLOORS.forEach((group, floor) -> {
            int[] counts = groups.get(group);
            assertThat((double) counts[1] / counts[0]).as(group + "\n" + report).isGreaterThanOrEqualTo(floor);
        });
    }
}
