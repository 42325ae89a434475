package org.bianmin.inquiry.application;

import java.util.Map;
import org.bianmin.observability.Metrics;
import org.bianmin.observability.MetricNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bianmin.inquiry.model.Conversation;
import org.bianmin.inquiry.model.Inquiry;
import org.bianmin.inquiry.model.InquiryAction;
import org.bianmin.inquiry.model.InquiryReply;
import org.bianmin.inquiry.model.InquiryReply.EntryReference;
import org.bianmin.inquiry.model.InquiryReply.Handoff;
import org.bianmin.inquiry.model.InquiryReply.HandoffReason;
import org.bianmin.inquiry.model.InquiryReply.Suggestion;
import org.bianmin.knowledge.KnowledgeSearch;
import org.bianmin.knowledge.model.AnswerSection;
import org.bianmin.knowledge.model.EntryKind;
import org.bianmin.knowledge.model.KnowledgeEntry;
import org.bianmin.knowledge.RankedEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 24-hour convenience inquiry: answers a citizen's question from the knowledge base, asks which topic was
 * meant when several are close, answers follow-ups about the previous topic, and offers a hotline request when
 * nothing matches or someone must act. Every answer text comes from an entry.
 */
public final class AnsweringInquiry {

    static final int CANDIDATES = 5;
    /** A follow-up's remaining words must not match another topic this well to stay on the previous topic. */
    static final double NEW_TOPIC_COVERAGE = 0.5;

    static final String CLARIFY_TEXT = "您想咨询的是以下哪一项？请点选或补充说明。";
    static final String NO_TOPIC_TEXT = "请问您想咨询哪项业务？可以说得具体一些，例如“办理居住证要带什么材料”。";
    static final String NO_MATCH_TEXT = "抱歉，暂时没有找到与您的问题相符的答复。可以为您提交诉求，由相关部门在规定时限内答复；也可以拨打12345转人工服务。";
    static final String PROBLEM_TEXT = "您反映的问题需要相关部门处理，可以为您提交诉求工单（内容已预填，确认后提交），提交后可凭受理编号和查询码查询办理进度。";

    private static final Logger log = LoggerFactory.getLogger(AnsweringInquiry.class);

    private final KnowledgeSearch knowledge;
    private final ConversationStore conversations;
    private final Clock clock;
    private final Duration conversationTtl;
    private final AnswerPolicy policy = new AnswerPolicy();
    private final FollowUpDetector followUps = new FollowUpDetector();
    private final ProblemReportDetector problems = new ProblemReportDetector();
    private final SafetyCheck safety;
    private final SmallTalk smallTalk;
    private final Metrics metrics;
    private final CollectingFeedback feedback;

    /** With the shipped safety rules. */
    public AnsweringInquiry(KnowledgeSearch knowledge, ConversationStore conversations, Clock clock,
                            Duration conversationTtl) {
        this(knowledge, conversations, clock, conversationTtl, new SafetyCheck(SafetyRules.load()), SmallTalk.load());
    }

    public AnsweringInquiry(KnowledgeSearch knowledge, ConversationStore conversations, Clock clock,
                            Duration conversationTtl, SafetyCheck safety, SmallTalk smallTalk) {
        this(knowledge, conversations, clock, conversationTtl, safety, smallTalk, Metrics.none());
    }

    /** Counting every reply by its action ({@link MetricNames#INQUIRY_OUTCOMES}). */
    public AnsweringInquiry(KnowledgeSearch knowledge, ConversationStore conversations, Clock clock,
                            Duration conversationTtl, SafetyCheck safety, SmallTalk smallTalk, Metrics metrics) {
        this(knowledge, conversations, clock, conversationTtl, safety, smallTalk, metrics, null);
    }

    /** Also noting every question no entry answers (HANDOFF NO_MATCH) for the knowledge editors' gap list. */
    public AnsweringInquiry(KnowledgeSearch knowledge, ConversationStore conversations, Clock clock,
                            Duration conversationTtl, SafetyCheck safety, SmallTalk smallTalk, Metrics metrics,
                            CollectingFeedback feedback) {
        this.feedback = feedback;
        this.metrics = metrics;
        this.knowledge = knowledge;
        this.conversations = conversations;
        this.clock = clock;
        this.conversationTtl = conversationTtl;
        this.safety = safety;
        this.smallTalk = smallTalk;
    }

    /**
     * The policy, in order: safety (someone in danger is told whom to call before anything else), then small
     * talk (a greeting is greeted, chatter is said to be out of scope), then a follow-up about the conversation's
     * topic, then retrieval and the answer policy.
     */
    public InquiryReply answer(Inquiry inquiry) {
        String sessionId = inquiry.sessionId() == null ? UUID.randomUUID().toString() : inquiry.sessionId();
        Optional<EmergencyKind> emergency = safety.detect(inquiry.text());
        InquiryReply reply = emergency.map(kind -> emergencyReply(kind, inquiry.text(), sessionId))
                .orElseGet(() -> answerQuestion(inquiry, sessionId));

        Instant now = clock.instant();
        String entryId = reply.entry() == null ? null : reply.entry().id();
        List<String> clarifyOptions = reply.action() == InquiryAction.CLARIFY
                ? reply.suggestions().stream().map(Suggestion::id).toList()
                : List.of();
        conversations.record(new Conversation.Turn(sessionId, inquiry.channel(), reply.action(), entryId, now,
                now.plus(conversationTtl), clarifyOptions));
        log.info("inquiry answered action={} entry={} emergency={} confidence={} channel={}", reply.action(), entryId,
                emergency.map(EmergencyKind::id).orElse(null), reply.confidence(), inquiry.channel().wireName());
        metrics.count(MetricNames.INQUIRY_OUTCOMES, Map.of("action", reply.action().name()));
        if (feedback != null && reply.handoff() != null && reply.handoff().reason() == HandoffReason.NO_MATCH) {
            try {
                feedback.noteUnanswered(sessionId, inquiry.text());
            } catch (RuntimeException e) {
                // the gap list is for editors: losing one entry must never cost the citizen the reply
                log.warn("unanswered question not noted: {}", e.toString());
            }
        }
        return reply;
    }

    /**
     * The knowledge entry about the same danger ("燃气泄漏怎么办"), offered as a chip to read once the call is made;
     * never in place of the number.
     */
    private List<Suggestion> relatedGuide(String text) {
        return knowledge.search(text, 1).stream()
                .filter(c -> c.coverage() >= AnswerPolicy.MIN_COVERAGE)
                .map(c -> new Suggestion(c.entry().id(), c.entry().title()))
                .toList();
    }

    private InquiryReply answerQuestion(Inquiry inquiry, String sessionId) {
        Optional<SmallTalk.Reply> chatter = smallTalk.recognise(inquiry.text());
        if (chatter.isPresent()) {
            return smallTalkReply(chatter.get(), 1.0, sessionId);
        }
        Optional<AnswerSection> section = followUps.askedSection(inquiry.text());
        // Only an aspect question ("要带什么材料") can depend on the previous topic: other questions skip the read.
        Optional<Conversation> conversation = inquiry.sessionId() != null && section.isPresent()
                ? conversations.find(inquiry.sessionId())
                : Optional.empty();
        return conversation.flatMap(c -> followUp(inquiry.text(), section.get(), c, sessionId))
                .orElseGet(() -> decide(inquiry.text(), knowledge.search(inquiry.text(), CANDIDATES), sessionId));
    }

    /** The number first, then the first steps, then the offer of an URGENT request for follow-up. */
    private InquiryReply emergencyReply(EmergencyKind kind, String text, String sessionId) {
        StringBuilder answer = new StringBuilder("请立即拨打").append(kind.call().number())
                .append("（").append(kind.call().name()).append("）！");
        for (int i = 0; i < kind.steps().size(); i++) {
            answer.append('\n').append(i + 1).append(". ").append(kind.steps().get(i));
        }
        if (!kind.alsoCall().isEmpty()) {
            answer.append("\n必要时也可拨打：").append(String.join("、", kind.alsoCall().stream()
                    .map(h -> h.number() + "（" + h.name() + "）").toList())).append('。');
        }
        answer.append('\n').append(safety.rules().offer());
        return new InquiryReply(InquiryAction.EMERGENCY, answer.toString(), null, 1.0, relatedGuide(text), sessionId, true,
                new Handoff(HandoffReason.EMERGENCY, text, kind.domain(), kind.department(), true),
                kind.toEmergency());
    }

    private Optional<InquiryReply> followUp(String text, AnswerSection section, Conversation conversation,
                                            String sessionId) {
        if (conversation.awaitsAChoice()) {
            return followUpToClarify(text, section, conversation.clarifyOptions(), sessionId);
        }
        Optional<KnowledgeEntry> previous = Optional.ofNullable(conversation.lastEntryId())
                .flatMap(id -> knowledge.find(id));
        if (previous.isEmpty() || namesAnotherTopic(text, previous.get())) {
            return Optional.empty();
        }
        KnowledgeEntry entry = entryWithSection(previous.get(), section, text);
        String answer;
        if (entry.answer().has(section)) {
            answer = "关于“" + entry.title() + "”的" + section.heading() + "：\n" + entry.answer().section(section);
        } else {
            answer = "“" + entry.title() + "”暂未列明" + section.heading() + "，以下是该事项的完整说明：\n"
                    + entry.answer().fullText();
        }
        return Optional.of(new InquiryReply(InquiryAction.ANSWER, answer, reference(entry), 1.0, List.of(),
                sessionId, entry.offerRequest(), null));
    }

    /**
     * A follow-up to a CLARIFY ("要带什么材料" after "您想咨询的是以下哪一项？") stays among the offered entries:
     * the one its own words point to, else the only one that has the asked section, else the question is asked
     * again with the same options. A follow-up that names a topic outside them is a new question.
     */
    private Optional<InquiryReply> followUpToClarify(String text, AnswerSection section, List<String> options,
                                                     String sessionId) {
        List<KnowledgeEntry> offered = options.stream()
                .flatMap(id -> knowledge.find(id).stream()).toList();
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        List<String> rest = knowledge.analyze(followUps.withoutCues(text));
        Optional<KnowledgeEntry> chosen = Optional.empty();
        if (!rest.isEmpty()) {
            List<RankedEntry> ranked = knowledge.searchTokens(rest, CANDIDATES * 2);
            Optional<RankedEntry> firstOffered = ranked.stream().filter(r -> options.contains(r.entry().id())).findFirst();
            if (firstOffered.isEmpty() && !ranked.isEmpty() && ranked.get(0).coverage() >= NEW_TOPIC_COVERAGE) {
                return Optional.empty();
            }
            chosen = firstOffered.map(RankedEntry::entry);
        }
        if (chosen.isEmpty()) {
            List<KnowledgeEntry> withSection = offered.stream().filter(e -> e.answer().has(section)).toList();
            if (withSection.size() == 1) {
                chosen = Optional.of(withSection.get(0));
            }
        }
        if (chosen.isEmpty()) {
            List<Suggestion> again = offered.stream().map(e -> new Suggestion(e.id(), e.title())).toList();
            return Optional.of(new InquiryReply(InquiryAction.CLARIFY,
                    "请先选择您要了解哪一项的" + section.heading() + "：", null, 0, again, sessionId, false, null));
        }
        KnowledgeEntry entry = chosen.get();
        return Optional.of(new InquiryReply(InquiryAction.ANSWER, sectionAnswer(entry, section), reference(entry), 1.0,
                List.of(), sessionId, entry.offerRequest(), null));
    }

    private static String sectionAnswer(KnowledgeEntry entry, AnswerSection section) {
        if (entry.answer().has(section)) {
            return "关于“" + entry.title() + "”的" + section.heading() + "：\n" + entry.answer().section(section);
        }
        return "“" + entry.title() + "”暂未列明" + section.heading() + "，以下是该事项的完整说明：\n"
                + entry.answer().fullText();
    }

    /**
     * The previous entry if it has the asked section; otherwise its closest sibling in the same category that has
     * it ("新生儿报户口" has no materials list, "新生儿落户所需材料" does), found by searching the previous title
     * together with the question.
     */
    private KnowledgeEntry entryWithSection(KnowledgeEntry previous, AnswerSection section, String text) {
        if (previous.answer().has(section)) {
            return previous;
        }
        return knowledge.search(previous.title() + " " + text, CANDIDATES).stream()
                .map(RankedEntry::entry)
                .filter(e -> e.category().equals(previous.category()) && e.answer().has(section))
                .findFirst()
                .orElse(previous);
    }

    /** Whether the words around the aspect cue ("身份证" in "身份证在哪里办") point to a different topic. */
    private boolean namesAnotherTopic(String text, KnowledgeEntry previous) {
        List<String> rest = knowledge.analyze(followUps.withoutCues(text));
        if (rest.isEmpty()) {
            return false;
        }
        List<RankedEntry> ranked = knowledge.searchTokens(rest, 1);
        return !ranked.isEmpty() && !ranked.get(0).entry().id().equals(previous.id())
                && ranked.get(0).coverage() >= NEW_TOPIC_COVERAGE;
    }

    private InquiryReply decide(String text, List<RankedEntry> candidates, String sessionId) {
        if (followUps.askedSection(text).isPresent() && knowledge.analyze(followUps.withoutCues(text)).isEmpty()) {
            // "要带什么材料" with no earlier topic: any entry would be a guess
            return new InquiryReply(InquiryAction.CLARIFY, NO_TOPIC_TEXT, null, 0, List.of(), sessionId, false, null);
        }
        boolean problem = problems.isProblemReport(text);
        double confidence = policy.confidence(candidates);
        boolean story = knowledge.isStory(text);
        AnswerPolicy.Decision decision = policy.decide(candidates, story);
        if (decision == AnswerPolicy.Decision.NO_MATCH && !problem) {
            // nothing answers it and it names nothing the hotline handles: say so rather than offer a request
            Optional<SmallTalk.Reply> outOfScope = smallTalk.unanswered(text);
            if (outOfScope.isPresent()) {
                return smallTalkReply(outOfScope.get(), confidence, sessionId);
            }
        }
        if (decision == AnswerPolicy.Decision.NO_MATCH) {
            HandoffReason reason = problem ? HandoffReason.PROBLEM_REPORT : HandoffReason.NO_MATCH;
            return new InquiryReply(InquiryAction.HANDOFF, problem ? PROBLEM_TEXT : NO_MATCH_TEXT, null, confidence,
                    List.of(), sessionId, true, new Handoff(reason, text, null, null));
        }
        KnowledgeEntry best = candidates.get(0).entry();
        if (problem && (best.offerRequest() || best.kind() != EntryKind.GOVERNMENT)) {
            return new InquiryReply(InquiryAction.HANDOFF, PROBLEM_TEXT + "\n\n" + best.answer().fullText(),
                    reference(best), confidence, List.of(), sessionId, true,
                    new Handoff(HandoffReason.PROBLEM_REPORT, text, best.domain().label(), best.department()));
        }
        if (decision == AnswerPolicy.Decision.CLARIFY) {
            List<Suggestion> suggestions = policy.close(candidates, story).stream()
                    .map(c -> new Suggestion(c.entry().id(), c.entry().title())).toList();
            return new InquiryReply(InquiryAction.CLARIFY, CLARIFY_TEXT, null, confidence, suggestions, sessionId,
                    false, null);
        }
        return new InquiryReply(InquiryAction.ANSWER, best.answer().fullText(), reference(best), confidence,
                List.of(), sessionId, best.offerRequest(), null, null, sections(best));
    }

    /**
     * The order a citizen reads an entry in: what it is, who qualifies, what to bring, what to do, where, how long,
     * what it costs.
     */
    private static final List<AnswerSection> READING_ORDER = List.of(AnswerSection.SUMMARY, AnswerSection.CONDITIONS,
            AnswerSection.MATERIALS,
            AnswerSection.STEPS, AnswerSection.WHERE, AnswerSection.ONLINE, AnswerSection.TIME_LIMIT, AnswerSection.FEES,
            AnswerSection.HOURS, AnswerSection.PHONE);

    static List<InquiryReply.Section> sections(KnowledgeEntry entry) {
        List<InquiryReply.Section> sections = new java.util.ArrayList<>();
        for (AnswerSection section : READING_ORDER) {
            if (!entry.answer().has(section)) {
                continue;
            }
            List<String> items = switch (section) {
                case STEPS -> entry.answer().steps();
                case MATERIALS -> entry.answer().materials();
                case CONDITIONS -> entry.answer().conditions();
                default -> List.of();
            };
            sections.add(new InquiryReply.Section(section.name(), section.heading(),
                    items.isEmpty() ? entry.answer().section(section) : null, items));
        }
        return sections;
    }

    /** No entry, no suggestions and no request offer: there is nothing to answer or file. */
    private static InquiryReply smallTalkReply(SmallTalk.Reply reply, double confidence, String sessionId) {
        return new InquiryReply(reply.action(), reply.text(), null, confidence, List.of(), sessionId, false, null);
    }

    private static EntryReference reference(KnowledgeEntry entry) {
        return new EntryReference(entry.id(), entry.title(), entry.category(), entry.department(),
                entry.domain().label());
    }
}
