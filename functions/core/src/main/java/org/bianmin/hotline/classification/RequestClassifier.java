package org.bianmin.hotline.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.model.Domain;
import org.bianmin.knowledge.model.KnowledgeEntry;

/**
 * Routes a request text to domain -> leaf category -> department (事件准入、任务分拨), in two explainable naive
 * Bayes steps over the project's Chinese analyzer:
 * <ol>
 *   <li>the domain, by complement naive Bayes learned from the taxonomy (leaf names, descriptions, keywords)
 *       and from every knowledge entry (title, questions, tags, answer summary), which carries its domain;</li>
 *   <li>the leaf within that domain, learned from the taxonomy.</li>
 * </ol>
 * Below {@link #TRIAGE_THRESHOLD} domain confidence the request goes to manual triage instead of a guess. The
 * threshold was set on the labeled messages: at 0.15 about one request in eight goes to a person and the rest are
 * routed with ~96% domain accuracy (see docs/hotline.md); the posterior is spread over 15 domains and is not a
 * calibrated probability.
 */
public final class RequestClassifier {

    public static final double TRIAGE_THRESHOLD = 0.15;
    static final int ALTERNATIVES = 3;
    static final int TERMS = 5;
    static final String STOP_WORDS = "hotline/routing-stopwords.txt";
    /** Knowledge answers speak the domain's language but less to the point than questions and titles. */
    static final double ANSWER_WEIGHT = 0.5;

    private final Taxonomy taxonomy;
    private final ChineseAnalyzer analyzer;
    private final NaiveBayes<Domain> domains = new NaiveBayes<>();
    private final NaiveBayes<String> leaves = new NaiveBayes<>();
    private final Set<String> stopWords;

    /**
     * @param entries the knowledge base's entries: their wording teaches the domain step (KnowledgeEntries)
     */
    public RequestClassifier(Taxonomy taxonomy, java.util.Collection<KnowledgeEntry> entries, ChineseAnalyzer analyzer) {
        this.taxonomy = taxonomy;
        this.analyzer = analyzer;
        this.stopWords = loadStopWords();
        for (Leaf leaf : taxonomy.leaves()) {
            List<String> name = tokens(leaf.name() + " " + leaf.categoryName());
            List<String> keywords = tokens(String.join(" ", leaf.keywords()));
            List<String> description = tokens(leaf.description());
            trainLeaf(leaf, name, 2);
            trainLeaf(leaf, keywords, 4);
            trainLeaf(leaf, description, 1);
            for (String example : leaf.examples()) {
                trainLeaf(leaf, tokens(example), 1);
            }
        }
        for (KnowledgeEntry entry : entries) {
            String text = Stream.concat(Stream.of(entry.title(), entry.question(), entry.category()),
                    Stream.concat(entry.variants().stream(), entry.tags().stream())).collect(Collectors.joining(" "));
            domains.train(entry.domain(), tokens(text), 1);
            domains.train(entry.domain(), tokens(entry.answer().summary()), ANSWER_WEIGHT);
        }
    }

    /** The analyzer's tokens without routing stop words and bare numbers. */
    private List<String> tokens(String text) {
        return analyzer.tokens(text).stream()
                .filter(t -> !stopWords.contains(t) && !t.chars().allMatch(Character::isDigit))
                .toList();
    }

    private static Set<String> loadStopWords() {
        try (InputStream in = RequestClassifier.class.getClassLoader().getResourceAsStream(STOP_WORDS)) {
            if (in == null) {
                throw new IllegalStateException("missing " + STOP_WORDS);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Taxonomy text teaches both steps: its domain and its leaf. */
    private void trainLeaf(Leaf leaf, List<String> tokens, double weight) {
        domains.train(leaf.domain(), tokens, weight);
        leaves.train(leaf.code(), tokens, weight);
    }

    public Classification classify(String text) {
        List<String> tokens = tokens(text);
        Set<Domain> allDomains = EnumSet.copyOf(domains.labels());
        Map<Domain, Double> domainPosterior = domains.posterior(tokens, allDomains, true);
        List<Map.Entry<Domain, Double>> rankedDomains = domainPosterior.entrySet().stream()
                .sorted(Map.Entry.<Domain, Double>comparingByValue().reversed()).toList();
        Domain domain = rankedDomains.get(0).getKey();
        double domainConfidence = rankedDomains.get(0).getValue();

        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<Domain, Double> ranked : rankedDomains.subList(0, Math.min(ALTERNATIVES + 1, rankedDomains.size()))) {
            Set<String> inDomain = new LinkedHashSet<>();
            for (Leaf leaf : taxonomy.leaves()) {
                if (leaf.domain() == ranked.getKey()) {
                    inDomain.add(leaf.code());
                }
            }
            Map<String, Double> leafPosterior = leaves.posterior(tokens, inDomain);
            leafPosterior.forEach((code, p) -> candidates.add(
                    new Candidate(taxonomy.leaf(code).orElseThrow(), ranked.getValue() * p)));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::probability).reversed());
        Leaf best = candidates.stream().filter(c -> c.leaf.domain() == domain).findFirst().orElseThrow().leaf;

        List<Classification.Alternative> alternatives = candidates.stream()
                .filter(c -> !c.leaf.code().equals(best.code()))
                .limit(ALTERNATIVES)
                .map(c -> new Classification.Alternative(c.leaf.domain().label(), c.leaf.code(), c.leaf.name(),
                        c.leaf.department(), round(c.probability)))
                .toList();
        Domain runnerUp = rankedDomains.size() > 1 ? rankedDomains.get(1).getKey() : domain;
        return new Classification(domain.label(), best.code(), best.name(), best.department(), best.sla(),
                round(domainConfidence), domainConfidence < TRIAGE_THRESHOLD, alternatives,
                decidingTerms(tokens, domain, runnerUp));
    }

    /** The tokens that pointed most to the chosen domain over the runner-up. */
    private List<Classification.Term> decidingTerms(List<String> tokens, Domain chosen, Domain runnerUp) {
        return new LinkedHashSet<>(tokens).stream()
                .filter(domains::knows)
                .map(t -> new Classification.Term(t,
                        round(domains.complementWeight(chosen, t) - domains.complementWeight(runnerUp, t))))
                .filter(t -> t.weight() > 0)
                .sorted(Comparator.comparingDouble(Classification.Term::weight).reversed())
                .limit(TERMS)
                .toList();
    }

    private record Candidate(Leaf leaf, double probability) {
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }
}
