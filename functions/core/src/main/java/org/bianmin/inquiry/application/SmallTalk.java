package org.bianmin.inquiry.application;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.bianmin.inquiry.model.InquiryAction;
import org.bianmin.knowledge.analysis.TextNormalizer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Greetings, thanks, chatter, jokes, weather, shopping and nonsense, recognised from the small-talk data file
 * ({@code inquiry/small-talk.json}) so that they get a short polite reply instead of the nearest entry ("你好" is
 * not a question about 政务服务好差评). Only whole messages count: "你好，社保卡丢了怎么办" is a question.
 * A text that names a service ({@code serviceCues}: 办, 证, 补贴, 投诉 ...) is never small talk.
 */
public final class SmallTalk {

    public static final String DEFAULT_RESOURCE = "inquiry/small-talk.json";
    private static final Pattern NOT_CONTENT = Pattern.compile("[\\p{P}\\p{S}\\s]+");
    private static final Pattern PARTICLES = Pattern.compile("[啊呀吧呢嘛哈哦么]");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern ONE_CHARACTER_REPEATED = Pattern.compile("^(.)\\1{2,}$");

    /** A recognised small-talk message and its reply. */
    public record Reply(InquiryAction action, String category, String text) {
    }

    record Category(String id, String reply, List<Pattern> patterns) {
    }

    private final String greetingReply;
    private final List<String> greetingWords;
    private final List<Category> categories;
    private final String nonsenseReply;
    private final String unansweredReply;
    private final List<String> serviceCues;
    private final List<String> hotlineCues;

    SmallTalk(String greetingReply, List<String> greetingWords, List<Category> categories, String nonsenseReply,
              String unansweredReply, List<String> serviceCues, List<String> hotlineCues) {
        this.greetingReply = greetingReply;
        // longest first, so "有人在吗" is taken whole before "在吗"
        this.greetingWords = greetingWords.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.categories = List.copyOf(categories);
        this.nonsenseReply = nonsenseReply;
        this.unansweredReply = unansweredReply;
        this.serviceCues = List.copyOf(serviceCues);
        this.hotlineCues = List.copyOf(hotlineCues);
    }

    /** The small-talk reply for a whole message, or empty when the message may be a question. */
    public Optional<Reply> recognise(String text) {
        String content = NOT_CONTENT.matcher(TextNormalizer.normalize(text)).replaceAll("");
        if (content.isEmpty()) {
            return Optional.of(new Reply(InquiryAction.OUT_OF_SCOPE, "nonsense", nonsenseReply));
        }
        if (onlyGreetingWords(content) || onlyGreetingWords(PARTICLES.matcher(content).replaceAll(""))) {
            return Optional.of(new Reply(InquiryAction.GREETING, "greeting", greetingReply));
        }
        if (mentionsAService(content)) {
            return Optional.empty();
        }
        for (Category category : categories) {
            if (category.patterns().stream().anyMatch(p -> p.matcher(content).find())) {
                return Optional.of(new Reply(InquiryAction.OUT_OF_SCOPE, category.id(), category.reply()));
            }
        }
        if (!HAN.matcher(content).find() || ONE_CHARACTER_REPEATED.matcher(content).matches()) {
            return Optional.of(new Reply(InquiryAction.OUT_OF_SCOPE, "nonsense", nonsenseReply));
        }
        return Optional.empty();
    }

    /**
     * For a question no entry answers: a question about a government service or anything the hotline handles
     * (a contract, a fine, a road, a neighbour ...) still deserves a request offer; anything else
     * ("世界上最高的山是哪座") is said to be out of scope. The cue lists lean towards the offer on purpose:
     * a request offered for chatter costs a click, a request withheld from a real problem costs a citizen.
     */
    public Optional<Reply> unanswered(String text) {
        String normalized = TextNormalizer.normalize(text);
        if (mentionsAService(normalized) || hotlineCues.stream().anyMatch(normalized::contains)) {
            return Optional.empty();
        }
        return Optional.of(new Reply(InquiryAction.OUT_OF_SCOPE, "unanswered", unansweredReply));
    }

    public boolean mentionsAService(String text) {
        String normalized = TextNormalizer.normalize(text);
        return serviceCues.stream().anyMatch(normalized::contains);
    }

    private boolean onlyGreetingWords(String content) {
        String rest = content;
        boolean removed = true;
        while (!rest.isEmpty() && removed) {
            removed = false;
            for (String word : greetingWords) {
                if (rest.startsWith(word)) {
                    rest = rest.substring(word.length());
                    removed = true;
                    break;
                }
            }
        }
        return rest.isEmpty() && !content.isEmpty();
    }

    /** The shipped small-talk file. */
    public static SmallTalk load() {
        return load(DEFAULT_RESOURCE);
    }

    /** Loaded and validated at start; a broken file stops the start with the field that is wrong. */
    public static SmallTalk load(String classpathResource) {
        JsonNode root;
        try (InputStream in = SmallTalk.class.getClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalStateException(classpathResource + ": not on the classpath");
            }
            root = JsonMapper.builder().build().readTree(in);
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException(classpathResource + ": not valid JSON: " + e.getMessage(), e);
        }
        JsonNode greeting = required(root, "greeting", classpathResource);
        List<Category> categories = new ArrayList<>();
        JsonNode categoryNodes = required(root, "categories", classpathResource);
        for (int i = 0; i < categoryNodes.size(); i++) {
            JsonNode node = categoryNodes.get(i);
            String where = classpathResource + ": categories[" + i + "]";
            List<Pattern> patterns = new ArrayList<>();
            for (String regex : texts(required(node, "patterns", where), where + ".patterns")) {
                try {
                    patterns.add(Pattern.compile(regex));
                } catch (PatternSyntaxException e) {
                    throw new IllegalStateException(where + ".patterns: '" + regex + "' is not a valid regular expression");
                }
            }
            categories.add(new Category(text(node, "id", where), text(node, "reply", where), patterns));
        }
        return new SmallTalk(text(greeting, "reply", classpathResource + ": greeting"),
                texts(required(greeting, "words", classpathResource), classpathResource + ": greeting.words"),
                categories, text(root, "nonsenseReply", classpathResource), text(root, "unansweredReply", classpathResource),
                texts(required(root, "serviceCues", classpathResource), classpathResource + ": serviceCues"),
                texts(required(root, "hotlineCues", classpathResource), classpathResource + ": hotlineCues"));
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainer() && value.isEmpty()) {
            throw new IllegalStateException(where + ": '" + field + "' is required and must not be empty");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = required(node, field, where);
        if (!value.isString() || value.stringValue().isBlank()) {
            throw new IllegalStateException(where + ": '" + field + "' must be a non-empty string");
        }
        return value.stringValue();
    }

    private static List<String> texts(JsonNode array, String where) {
        List<String> texts = new ArrayList<>();
        if (!array.isArray()) {
            throw new IllegalStateException(where + ": must be an array of strings");
        }
        for (JsonNode value : array) {
            if (!value.isString() || value.stringValue().isBlank()) {
                throw new IllegalStateException(where + ": must hold only non-empty strings");
            }
            texts.add(value.stringValue());
        }
        return texts;
    }
}
