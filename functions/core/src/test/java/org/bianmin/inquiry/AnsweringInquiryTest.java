package org.bianmin.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bianmin.inquiry.application.AnsweringInquiry;
import org.bianmin.inquiry.infrastructure.DynamoConversationStore;
import org.bianmin.inquiry.model.Channel;
import org.bianmin.inquiry.model.Conversation;
import org.bianmin.inquiry.model.Inquiry;
import org.bianmin.inquiry.model.InquiryAction;
import org.bianmin.inquiry.model.InquiryReply;
import org.bianmin.store.Tables;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The inquiry use case on the real knowledge base, with conversations in dynalite. */
class AnsweringInquiryTest {

    private final DynamoConversationStore store =
            new DynamoConversationStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX);
    private final AnsweringInquiry inquiries =
            new AnsweringInquiry(Knowledge.lucene(), store, Clock.systemUTC(), Duration.ofHours(2));

    private InquiryReply ask(String text, String sessionId) {
        return inquiries.answer(new Inquiry(text, sessionId, Channel.CHATBOT));
    }

    @Test
    void answersAClearQuestionFromItsEntry() {
        InquiryReply reply = ask("租房可以提取公积金吗，需要什么条件", null);
        assertThat(reply.action()).isEqualTo(InquiryAction.ANSWER);
        assertThat(reply.entry().id()).startsWith("gjj-rent-withdrawal");
        assertThat(reply.answer()).isEqualTo(Knowledge.BASE.get(reply.entry().id()).answer().fullText());
        assertThat(reply.entry().department()).isEqualTo("市住房公积金管理中心");
        assertThat(reply.confidence()).isBetween(0.5, 1.0);
        assertThat(reply.sessionId()).isNotBlank();
    }

    @Test
    void asksWhichTopicWasMeantWhenSeveralAreClose() {
        InquiryReply reply = ask("身份证丢了", null);
        assertThat(reply.action()).isEqualTo(InquiryAction.CLARIFY);
        assertThat(reply.suggestions()).hasSizeBetween(2, 3);
        assertThat(reply.suggestions()).extracting(InquiryReply.Suggestion::id).allMatch(id -> id.startsWith("sfz-"));
        assertThat(reply.entry()).isNull();
    }

    @Test
    void handsOffAGovernmentServiceQuestionTheBaseDoesNotCover() {
        InquiryReply reply = ask("养蜂需要办什么许可证", null);
        assertThat(reply.action()).isEqualTo(InquiryAction.HANDOFF);
        assertThat(reply.handoff().reason()).isEqualTo(InquiryReply.HandoffReason.NO_MATCH);
        assertThat(reply.handoff().prefillText()).isEqualTo("养蜂需要办什么许可证");
        assertThat(reply.offerRequest()).isTrue();
        assertThat(reply.entry()).isNull();
    }

    @Test
    void greetsAGreetingAndSaysChatterIsOutOfScopeWithNoEntry() {
        InquiryReply hello = ask("你好", null);
        assertThat(hello.action()).isEqualTo(InquiryAction.GREETING);
        assertThat(hello.answer()).contains("便民服务");
        assertThat(hello.entry()).isNull();
        assertThat(hello.confidence()).isEqualTo(1.0);

        for (String text : new String[] {"今天天气怎么样", "给我讲个笑话吧", "附近有什么好吃的火锅店", "火星上的天气怎么样"}) {
            InquiryReply reply = ask(text, null);
            assertThat(reply.action()).as(text).isEqualTo(InquiryAction.OUT_OF_SCOPE);
            assertThat(reply.entry()).as(text).isNull();
            assertThat(reply.suggestions()).as(text).isEmpty();
            assertThat(reply.offerRequest()).as(text).isFalse();
            assertThat(reply.handoff()).as(text).isNull();
        }

        InquiryReply question = ask("你好，我想问一下公积金怎么提取", null);
        assertThat(question.action()).isIn(InquiryAction.ANSWER, InquiryAction.CLARIFY);
    }

    @Test
    void handsOffAProblemReportWithTheMatchingEntry() {
        InquiryReply streetLight = ask("我们小区门口的路灯坏了好几天了", null);
        assertThat(streetLight.action()).isEqualTo(InquiryAction.HANDOFF);
        assertThat(streetLight.handoff().reason()).isEqualTo(InquiryReply.HandoffReason.PROBLEM_REPORT);
        assertThat(streetLight.entry().id()).startsWith("ld-");
        assertThat(streetLight.handoff().department()).isEqualTo(Knowledge.BASE.get(streetLight.entry().id()).department());
        assertThat(streetLight.offerRequest()).isTrue();
        assertThat(streetLight.emergency()).isNull();
    }

    @Test
    void answersAFollowUpAboutThePreviousTopic() {
        InquiryReply first = ask("新生儿怎么上户口", null);
        assertThat(first.action()).isEqualTo(InquiryAction.ANSWER);
        assertThat(first.entry().id()).isEqualTo("hj-newborn-registration");

        // the registration entry has no materials list; its sibling in the same category has
        InquiryReply materials = ask("要带什么材料", first.sessionId());
        assertThat(materials.action()).isEqualTo(InquiryAction.ANSWER);
        assertThat(materials.entry().id()).isEqualTo("hj-newborn-materials");
        assertThat(materials.answer()).startsWith("关于“" + materials.entry().title() + "”的所需材料：")
                .contains(Knowledge.BASE.get("hj-newborn-materials").answer().materials().get(0));

        // the conversation is now about the materials entry; the next follow-up stays there
        InquiryReply where = ask("在哪里办", first.sessionId());
        assertThat(where.entry().id()).isEqualTo(materials.entry().id());
        assertThat(where.answer()).contains("办理地点");
    }

    @Test
    void aQuestionThatNamesANewTopicIsNotTakenAsAFollowUp() {
        InquiryReply first = ask("新生儿怎么上户口", null);
        InquiryReply next = ask("办护照要带什么材料", first.sessionId());
        assertThat(next.entry()).isNotNull();
        assertThat(next.entry().id()).startsWith("crj-passport");
    }

    @Test
    void withoutAConversationAnAspectQuestionAsksForTheTopic() {
        InquiryReply reply = ask("要带什么材料", null);
        assertThat(reply.action()).isEqualTo(InquiryAction.CLARIFY);
        assertThat(reply.answer()).contains("哪项业务");
        assertThat(reply.entry()).isNull();
    }

    @Test
    void remembersTheTopicInDynamoDbWithATtlAndNoQuestionText() {
        InquiryReply reply = ask("养老金资格认证怎么做", "session-ttl-test-1");
        Conversation stored = store.find("session-ttl-test-1").orElseThrow();
        assertThat(stored.lastEntryId()).isEqualTo(reply.entry().id());
        assertThat(stored.turns()).isEqualTo(1);
        ask("火星上的天气怎么样", "session-ttl-test-1");
        Conversation after = store.find("session-ttl-test-1").orElseThrow();
        assertThat(after.turns()).isEqualTo(2);
        assertThat(after.lastAction()).isEqualTo(InquiryAction.OUT_OF_SCOPE);
        assertThat(after.lastEntryId()).as("a turn without an entry keeps the topic").isEqualTo(reply.entry().id());
        assertThat(stored.expiresAt()).isBetween(Instant.now().plus(Duration.ofMinutes(119)), Instant.now().plus(Duration.ofHours(2)));

        Map<String, AttributeValue> item = DynamoDbTestServer.client().getItem(g -> g
                .tableName(Tables.CONVERSATIONS.tableName(DynamoDbTestServer.TABLE_PREFIX))
                .key(Map.of("sessionId", AttributeValue.fromS("session-ttl-test-1")))).item();
        assertThat(item.get("expiresAt").n()).isNotBlank();
        assertThat(item.toString()).doesNotContain("资格认证怎么做");
    }
}
