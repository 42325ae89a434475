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

/**
 * Evaluation questions through the whole inquiry, as callers send them (misheard ones on the phone channel, the others
 * from the chatbot), counted per group. A question with expected entries counts when the reply's entry, or its first
 * suggestion (CLARIFY, EMERGENCY), is one of them; a question no entry answers counts only when it is handed off to a
 * person (HANDOFF): an answer or suggestions from an unrelated entry, or small talk, is a miss.
 */
final class InquiryEvaluation {

    private final Map<String, int[]> groups = new TreeMap<>();
    private final List<String> misses = new ArrayList<>();
    private final String title;

    private InquiryEvaluation(String title) {
        this.title = title;
    }

    static InquiryEvaluation run(String title, List<EvaluationGroups.Question> questions) {
        AnsweringInquiry inquiries = new AnsweringInquiry(Knowledge.lucene(),
                new DynamoConversationStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX),
                Clock.systemUTC(), Duration.ofHours(2));
        InquiryEvaluation evaluation = new InquiryEvaluation(title);
        for (EvaluationGroups.Question question : questions) {
            Channel channel = question.group().equals("phone") ? Channel.PHONE : Channel.CHATBOT;
            evaluation.count(question, inquiries.answer(new Inquiry(question.text(), null, channel)));
        }
        System.out.println(evaluation.report());
        return evaluation;
    }

    private void count(EvaluationGroups.Question question, InquiryReply reply) {
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

    double share(String group) {
        int[] counts = groups.get(group);
        assertThat(counts).as("group " + group + " in " + title).isNotNull();
        return (double) counts[1] / counts[0];
    }

    String report() {
        StringBuilder report = new StringBuilder(title).append(", right per group\n");
        groups.forEach((group, counts) -> report.append(String.format(Locale.ROOT, "  %-11s %3d questions, %.3f (%d)%n",
                group, counts[0], (double) counts[1] / counts[0], counts[1])));
        return report.append("Misses (").append(misses.size()).append("):\n").append(String.join("\n", misses)).toString();
    }

    /** Every group of {@code floors} is present and at or above its floor. */
    void assertAtLeast(Map<String, Double> floors) {
        floors.forEach((group, floor) -> assertThat(share(group)).as(group + "\n" + report()).isGreaterThanOrEqualTo(floor));
    }
}
