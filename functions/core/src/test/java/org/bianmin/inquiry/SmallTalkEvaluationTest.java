package org.bianmin.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bianmin.inquiry.application.AnsweringInquiry;
import org.bianmin.inquiry.infrastructure.DynamoConversationStore;
import org.bianmin.inquiry.model.Channel;
import org.bianmin.inquiry.model.Inquiry;
import org.bianmin.inquiry.model.InquiryAction;
import org.bianmin.inquiry.model.InquiryReply;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.testing.JsonLinesResources;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;

/**
 * Small talk through the real inquiry on its own labeled set ({@code evaluation/small-talk.jsonl}): greetings,
 * chatter (thanks, jokes, weather, shopping, nonsense ...) and in-scope questions that look like chatter
 * (a greeting before a question, 暴雨停课, 火锅店要办什么证, government services the base does not cover).
 */
class SmallTalkEvaluationTest {

    private static final Set<InquiryAction> SMALL_TALK = Set.of(InquiryAction.GREETING, InquiryAction.OUT_OF_SCOPE);

    private final AnsweringInquiry inquiries = new AnsweringInquiry(Knowledge.lucene(),
            new DynamoConversationStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX),
            Clock.systemUTC(), Duration.ofHours(2));

    record Message(String text, String expected, String group) {
    }

    @Test
    void chatterIsSaidToBeOutOfScopeAndQuestionsAreNot() {
        List<Message> messages = load();
        Map<String, int[]> groups = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        int saidSmallTalk = 0;
        int rightlySmallTalk = 0;
        int chatter = 0;
        int chatterRecognised = 0;
        for (Message message : messages) {
            InquiryReply reply = inquiries.answer(new Inquiry(message.text(), null, Channel.CHATBOT));
            boolean isChatter = !message.expected().equals("IN_SCOPE");
            boolean right = isChatter ? reply.action().name().equals(message.expected())
                    : !SMALL_TALK.contains(reply.action());
            if (SMALL_TALK.contains(reply.action())) {
                saidSmallTalk++;
                rightlySmallTalk += isChatter ? 1 : 0;
                assertThat(reply.entry()).as(message.text()).isNull();
                assertThat(reply.suggestions()).as(message.text()).isEmpty();
                assertThat(reply.offerRequest()).as(message.text()).isFalse();
                assertThat(reply.answer()).as(message.text()).isNotBlank();
            }
            if (isChatter) {
                chatter++;
                chatterRecognised += SMALL_TALK.contains(reply.action()) ? 1 : 0;
            }
            int[] counts = groups.computeIfAbsent(message.group(), g -> new int[2]);
            counts[0]++;
            counts[1] += right ? 1 : 0;
            if (!right) {
                errors.add(String.format(Locale.ROOT, "- [%s] %s | expected %s | got %s %s", message.group(),
                        message.text(), message.expected(), reply.action(),
                        reply.entry() == null ? "" : reply.entry().id()));
            }
        }
        double precision = (double) rightlySmallTalk / saidSmallTalk;
        double recall = (double) chatterRecognised / chatter;
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "small talk: precision %.3f (%d/%d), recall on chatter %.3f (%d/%d)%n", precision, rightlySmallTalk,
                saidSmallTalk, recall, chatterRecognised, chatter));
        groups.forEach((group, counts) -> report.append(String.format(Locale.ROOT, "  %-22s %3d messages, %.3f right%n",
                group, counts[0], (double) counts[1] / counts[0])));
        report.append("Errors:").append(System.lineSeparator()).append(String.join(System.lineSeparator(), errors));
        System.out.println(report);

        assertThat(chatter).isGreaterThanOrEqualTo(100);
        assertThat(precision).as(report.toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as(report.toString()).isGreaterThanOrEqualTo(0.85);
    }

    static List<Message> load() {
        return JsonLinesResources.read("evaluation/small-talk.jsonl").stream()
                .map(node -> new Message(node.get("text").stringValue(), node.get("expected").stringValue(),
                        node.get("group").stringValue()))
                .toList();
    }
}
