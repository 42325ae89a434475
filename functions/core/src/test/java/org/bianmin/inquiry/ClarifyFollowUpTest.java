package org.bianmin.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
 * Follow-ups keep their topic after a CLARIFY: they stay among the offered entries (or ask again), never fall
 * back to an older topic of the conversation. Real knowledge base, conversations in the test DynamoDB server.
 */
class ClarifyFollowUpTest {

    private final DynamoConversationStore store =
            new DynamoConversationStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX);
    private final AnsweringInquiry inquiries =
            new AnsweringInquiry(Knowledge.lucene(), store, Clock.systemUTC(), Duration.ofHours(2));

    private InquiryReply ask(String text, String sessionId) {
        return inquiries.answer(new Inquiry(text, sessionId, Channel.CHATBOT));
    }

    private static List<String> ids(InquiryReply reply) {
        return reply.suggestions().stream().map(InquiryReply.Suggestion::id).toList();
    }

    @Test
    void anAspectFollowUpAfterClarifyStaysAmongTheOfferedEntriesNotTheOlderTopic() {
        InquiryReply older = ask("第一次办社保卡怎么申领", null);
        String session = older.sessionId();
        assertThat(older.entry()).isNotNull();

        InquiryReply clarify = ask("身份证丢了", session);
        assertThat(clarify.action()).isEqualTo(InquiryAction.CLARIFY);
        List<String> offered = ids(clarify);
        assertThat(offered).hasSizeGreaterThanOrEqualTo(2).allMatch(id -> id.startsWith("sfz-"));

        InquiryReply materials = ask("要带什么材料", session);
        if (materials.action() == InquiryAction.ANSWER) {
            assertThat(materials.entry().id()).isIn(offered);
            assertThat(materials.answer()).contains("所需材料");
        } else {
            assertThat(materials.action()).isEqualTo(InquiryAction.CLARIFY);
            assertThat(ids(materials)).containsExactlyElementsOf(offered);
            assertThat(materials.answer()).contains("所需材料");
        }
        assertThat(materials.entry() == null ? null : materials.entry().id())
                .as("never the older topic").isNotEqualTo(older.entry().id());
    }

    @Test
    void aFollowUpWhoseWordsDecideTakesThatOptionAndTheTopicSettlesOnIt() {
        InquiryReply clarify = ask("身份证丢了", null);
        assertThat(clarify.action()).isEqualTo(InquiryAction.CLARIFY);
        assertThat(ids(clarify)).contains("sfz-lost-replace");

        InquiryReply chosen = ask("补领要带什么材料", clarify.sessionId());
        assertThat(chosen.action()).isEqualTo(InquiryAction.ANSWER);
        assertThat(chosen.entry().id()).isEqualTo("sfz-lost-replace");
        assertThat(chosen.answer()).startsWith("关于“身份证丢失补领”的所需材料：");

        InquiryReply where = ask("在哪里办", clarify.sessionId());
        assertThat(where.entry().id()).isEqualTo("sfz-lost-replace");
        assertThat(where.answer()).contains("办理地点");
    }

    @Test
    void aFollowUpAfterClarifyThatNamesAnotherTopicIsANewQuestion() {
        InquiryReply clarify = ask("身份证丢了", null);
        assertThat(clarify.action()).isEqualTo(InquiryAction.CLARIFY);
        InquiryReply passport = ask("办护照要带什么材料", clarify.sessionId());
        assertThat(passport.entry()).isNotNull();
        assertThat(passport.entry().id()).startsWith("crj-passport");
    }

    @Test
    void theOptionsOfAClarifyAreForgottenOnceAnotherTurnFollows() {
        InquiryReply clarify = ask("身份证丢了", null);
        assertThat(store.find(clarify.sessionId()).orElseThrow().clarifyOptions()).containsExactlyElementsOf(ids(clarify));
        ask("谢谢", clarify.sessionId());
        assertThat(store.find(clarify.sessionId()).orElseThrow().clarifyOptions()).isEmpty();
    }
}
