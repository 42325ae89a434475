package org.bianmin.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.bianmin.inquiry.application.AnsweringInquiry;
import org.bianmin.inquiry.infrastructure.DynamoConversationStore;
import org.bianmin.inquiry.model.Channel;
import org.bianmin.inquiry.model.Inquiry;
import org.bianmin.inquiry.model.InquiryReply;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.testing.EvaluationSet;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;

/**
 * The evaluation set through the whole inquiry (safety check, small talk, retrieval, answer policy), not only the
 * ranking: a question counts when the reply's entry, or on CLARIFY its first suggestion, is the expected one.
 */
class InquiryEvaluationTest {

    private final AnsweringInquiry inquiries = new AnsweringInquiry(Knowledge.lucene(),
            new DynamoConversationStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX),
            Clock.systemUTC(), Duration.ofHours(2));

    @Test
    void theEvaluationSetIsAnsweredFromTheExpectedEntry() {
        List<EvaluationSet.Question> questions = EvaluationSet.load();
        int hits = 0;
        StringBuilder misses = new StringBuilder();
        for (EvaluationSet.Question question : questions) {
            InquiryReply reply = inquiries.answer(new Inquiry(question.text(), null, Channel.CHATBOT));
            String got = reply.entry() != null ? reply.entry().id()
                    : reply.suggestions().isEmpty() ? null : reply.suggestions().get(0).id();
            if (question.expected().equals(got)) {
                hits++;
            } else {
                misses.append(String.format(Locale.ROOT, "- %s | expected %s | %s %s%n", question.text(),
                        question.expected(), reply.action(), got));
            }
        }
        double top1 = (double) hits / questions.size();
        System.out.printf(Locale.ROOT, "inquiry top-1 on the evaluation set: %.3f (%d/%d)%n%s", top1, hits,
                questions.size(), misses);
        // what it reached (docs/inquiry.md: 0.856, 0.917, then 0.933 since the meaning vouches): it must not drop
        assertThat(top1).as(misses.toString()).isGreaterThanOrEqualTo(0.93);
    }
}
