package org.bianmin.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.bianmin.inquiry.application.AnsweringInquiry;
import org.bianmin.inquiry.infrastructure.DynamoConversationStore;
import org.bianmin.inquiry.model.Channel;
import org.bianmin.inquiry.model.Inquiry;
import org.bianmin.inquiry.model.InquiryAction;
import org.bianmin.inquiry.model.InquiryReply;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;

/**
 * Plain questions, each about one service the base answers, are answered, not asked back, with the ranking by meaning
 * fused in. "居住证怎么申请" came back as CLARIFY when the policy read BM25 scores along the fused order.
 */
class PlainQuestionsTest {

    /** Written for this test, each with the entry that answers it. */
    static final Map<String, String> QUESTIONS = Map.of(
            "居住证怎么申请", "jzz-apply",
            "护照过期了怎么换", "crj-passport-renew",
            "新生儿怎么上户口", "hj-newborn-registration",
            "社保卡丢了怎么办", "sbk-report-loss",
            "驾驶证到期了怎么换证", "jtjg-license-renewal",
            "怎么查公积金余额", "gjj-balance-enquiry",
            "个体户营业执照怎么办", "yyzz-individual-register",
            "残疾证怎么办理", "cj-card-apply",
            "老年人优待证怎么办", "lnyd-card-apply");

    private final AnsweringInquiry inquiries = new AnsweringInquiry(Knowledge.lucene(),
            new DynamoConversationStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX),
            Clock.systemUTC(), Duration.ofHours(2));

    @Test
    void plainQuestionsAreAnsweredFromTheirEntry() {
        assertThat(Knowledge.lucene().ranksByMeaning()).isTrue();
        QUESTIONS.forEach((question, entry) -> {
            InquiryReply reply = inquiries.answer(new Inquiry(question, null, Channel.CHATBOT));
            assertThat(reply.action()).as(question + " " + reply.suggestions()).isEqualTo(InquiryAction.ANSWER);
            assertThat(reply.entry().id()).as(question).isEqualTo(entry);
        });
    }
}
