package org.bianmin.inquiry.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bianmin.inquiry.model.QuestionSignal;
import org.bianmin.knowledge.KnowledgeSearch;

/**
 * The knowledge editors' gap list: the questions whose answer was marked 没用 and those nothing answered, over a
 * range of days, grouped by similar question (the same telling words after analysis, e.g. "怎么提取公积金" and
 * "公积金怎么提取"), most frequent first. It reads one partition per day; nothing is scanned.
 */
public final class ListingKnowledgeGaps {

    /** Signals read per day at most: the list is for reading, not for statistics. */
    static final int PER_DAY = 500;
    static final int MAX_GROUPS = 100;
    static final int EXAMPLES = 5;
    /** Two questions belong together when their telling words overlap this much (Jaccard). */
    static final double SAME_QUESTION = 0.5;

    private final KnowledgeSearch knowledge;
    private final FeedbackStore store;

    public ListingKnowledgeGaps(KnowledgeSearch knowledge, FeedbackStore store) {
        this.knowledge = knowledge;
        this.store = store;
    }

    /** One group of similar questions. {@code entries}: the titles of the entries that answered and did not help. */
    public record GapGroup(String question, int count, int notHelpful, int noMatch, List<String> examples,
                           List<String> entries, Instant lastAt) {
    }

    public record Gaps(LocalDate from, LocalDate to, int signals, List<GapGroup> groups) {
    }

    public Gaps between(LocalDate from, LocalDate to) {
        List<QuestionSignal> gaps = new ArrayList<>();
        for (LocalDate day = to; !day.isBefore(from); day = day.minusDays(1)) {
            store.ofDay(day, PER_DAY).stream().filter(s -> s.kind().isGap()).forEach(gaps::add);
        }
        gaps.sort(Comparator.comparing(QuestionSignal::at).reversed());
        List<Builder> groups = new ArrayList<>();
        for (QuestionSignal signal : gaps) {
            Set<String> words = words(signal.question());
            Builder group = groups.stream().filter(g -> similarity(g.words, words) >= SAME_QUESTION).findFirst()
                    .orElse(null);
            if (group == null) {
                group = new Builder(signal, words);
                groups.add(group);
            }
            group.add(signal);
        }
        List<GapGroup> listed = groups.stream().map(Builder::build)
                .sorted(Comparator.comparingInt(GapGroup::count).reversed().thenComparing(GapGroup::lastAt, Comparator.reverseOrder()))
                .limit(MAX_GROUPS).toList();
        return new Gaps(from, to, gaps.size(), listed);
    }

    private Set<String> words(String question) {
        Set<String> words = new HashSet<>(knowledge.analyze(question));
        if (words.isEmpty()) {
            words.add(question.strip());
        }
        return words;
    }

    private static double similarity(Set<String> a, Set<String> b) {
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all.isEmpty() ? 0 : (double) common.size() / all.size();
    }

    private static final class Builder {
        final Set<String> words;
        final String question;
        final Instant lastAt;
        final Map<String, Boolean> examples = new LinkedHashMap<>();
        final Map<String, Boolean> entries = new LinkedHashMap<>();
        int notHelpful;
        int noMatch;

        Builder(QuestionSignal first, Set<String> words) {
            this.words = words;
            this.question = first.question();
            this.lastAt = first.at();
        }

        void add(QuestionSignal signal) {
            if (signal.kind() == QuestionSignal.Kind.NO_MATCH) {
                noMatch++;
            } else {
                notHelpful++;
            }
            if (examples.size() < EXAMPLES) {
                examples.put(signal.question(), true);
            }
            if (signal.entryTitle() != null) {
                entries.put(signal.entryTitle(), true);
            }
        }

        GapGroup build() {
            return new GapGroup(question, notHelpful + noMatch, notHelpful, noMatch, List.copyOf(examples.keySet()),
                    List.copyOf(entries.keySet()), lastAt);
        }
    }
}
