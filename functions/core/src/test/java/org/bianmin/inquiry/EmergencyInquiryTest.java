package org.bianmin.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.bianmin.inquiry.application.AnsweringInquiry;
import org.bianmin.inquiry.infrastructure.DynamoConversationStore;
import org.bianmin.inquiry.model.Channel;
import org.bianmin.inquiry.model.Conversation;
import org.bianmin.inquiry.model.Inquiry;
import org.bianmin.inquiry.model.InquiryAction;
import org.bianmin.inquiry.model.InquiryReply;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;

/** Emergencies through the real inquiry: the number comes first, on every channel, before any entry. */
class EmergencyInquiryTest {

    private final DynamoConversationStore store =
            new DynamoConversationStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX);
    private final AnsweringInquiry inquiries =
            new AnsweringInquiry(Knowledge.lucene(), store, Clock.systemUTC(), Duration.ofHours(2));

    private InquiryReply ask(String text, String sessionId, Channel channel) {
        return inquiries.answer(new Inquiry(text, sessionId, channel));
    }

    @Test
    void aFireIsAnsweredWith119FirstAndAnUrgentRequestOffer() {
        InquiryReply reply = ask("我家厨房着火了怎么办", null, Channel.CHATBOT);

        assertThat(reply.action()).isEqualTo(InquiryAction.EMERGENCY);
        assertThat(reply.answer()).startsWith("请立即拨打119");
        assertThat(reply.emergency().kind()).isEqualTo("fire");
        assertThat(reply.emergency().call().number()).isEqualTo("119");
        assertThat(reply.emergency().steps()).hasSizeBetween(2, 4);
        assertThat(reply.answer()).contains(reply.emergency().steps().get(0)).contains("紧急诉求");
        assertThat(reply.entry()).as("no routine entry stands in for the number").isNull();
        assertThat(reply.offerRequest()).isTrue();
        assertThat(reply.handoff().reason()).isEqualTo(InquiryReply.HandoffReason.EMERGENCY);
        assertThat(reply.handoff().urgent()).isTrue();
        assertThat(reply.handoff().prefillText()).isEqualTo("我家厨房着火了怎么办");
        assertThat(reply.handoff().department()).isEqualTo("市消防救援支队");
    }

    @Test
    void eachDangerGetsItsOwnNumber() {
        assertThat(ask("有人晕倒在路边没有呼吸了", null, Channel.CHATBOT).emergency().call().number()).isEqualTo("120");
        assertThat(ask("有人拿着刀在小区门口砍人", null, Channel.API).emergency().call().number()).isEqualTo("110");
        assertThat(ask("我不想活了", null, Channel.CHATBOT).emergency().call().number()).isEqualTo("12356");
        assertThat(ask("我邻居家着火了", null, Channel.CHATBOT).emergency().kind()).isEqualTo("fire");
    }

    @Test
    void aGasSmellGetsTheEvacuationStepsBeforeTheRequestOfferAndTheGuideAsAChip() {
        InquiryReply reply = ask("厨房里闻到很重的煤气味", null, Channel.CHATBOT);
        assertThat(reply.action()).isEqualTo(InquiryAction.EMERGENCY);
        assertThat(reply.emergency().kind()).isEqualTo("gas");
        assertThat(reply.answer().indexOf("119")).isLessThan(reply.answer().indexOf("诉求"));
        assertThat(reply.answer().indexOf("不要开关电灯")).isLessThan(reply.answer().indexOf("诉求"));
        assertThat(reply.suggestions()).extracting(InquiryReply.Suggestion::id).containsExactly("rq-gas-leak");
    }

    @Test
    void phoneTranscriptsWithoutPunctuationAreChecked() {
        InquiryReply reply = ask("喂 喂 那个 我们这个楼 三楼好像起火了 冒好大的烟", null, Channel.PHONE);
        assertThat(reply.action()).isEqualTo(InquiryAction.EMERGENCY);
        assertThat(reply.emergency().call().number()).isEqualTo("119");
    }

    @Test
    void nonUrgentMentionsStayOrdinaryQuestions() {
        for (String text : new String[] {"消防安全检查怎么预约", "燃气费怎么交", "去年着过火的房子能卖吗", "烟感一直误报"}) {
            InquiryReply reply = ask(text, null, Channel.CHATBOT);
            assertThat(reply.action()).as(text).isNotEqualTo(InquiryAction.EMERGENCY);
            assertThat(reply.emergency()).as(text).isNull();
        }
    }

    @Test
    void anEmergencyKeepsTheConversationsTopicForLaterFollowUps() {
        InquiryReply first = ask("养老金资格认证怎么做", null, Channel.CHATBOT);
        ask("我家楼道全是浓烟", first.sessionId(), Channel.CHATBOT);
        Conversation stored = store.find(first.sessionId()).orElseThrow();
        assertThat(stored.lastAction()).isEqualTo(InquiryAction.EMERGENCY);
        assertThat(stored.lastEntryId()).isEqualTo(first.entry().id());
    }
}
