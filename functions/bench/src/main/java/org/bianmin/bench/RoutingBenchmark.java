package org.bianmin.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bianmin.hotline.classification.Classification;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.classification.RoutingFeatures;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.application.KnowledgeBaseLoader;
import org.bianmin.testing.JsonLinesResources;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Routing a 1,000-character message in process (issue 18: p99 <= 20 ms), p50/p99 from SampleTime: the whole
 * classifier ({@code classify}: analysis, n-grams, the linear domain model, the leaf step, alternatives and
 * deciding terms), its features alone ({@code features}: analysis and n-grams), and the floor, the analyzer
 * alone ({@code analyzerFloor}). Messages are the project's labeled messages strung together to 1,000
 * characters, 64 of them in a cycle, so each call reads a different long text as real 12345 records are.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class RoutingBenchmark {

    static final int LENGTH = 1000;

    private RequestClassifier classifier;
    private RoutingFeatures features;
    private ChineseAnalyzer analyzer;
    private List<String> messages;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        analyzer = ChineseAnalyzer.withDefaultResources();
        classifier = new RequestClassifier(Taxonomy.loadDefault(), new KnowledgeBaseLoader().load().entries(), analyzer);
        features = new RoutingFeatures(analyzer);
        List<String> labeled = JsonLinesResources.read("hotline/labeled-messages-*.jsonl").stream()
                .map(node -> node.get("text").stringValue()).toList();
        Random random = new Random(18);
        messages = new ArrayList<>();
        for (int m = 0; m < 64; m++) {
            StringBuilder message = new StringBuilder();
            while (message.length() < LENGTH) {
                message.append(labeled.get(random.nextInt(labeled.size())));
            }
            messages.add(message.substring(0, LENGTH));
        }
    }

    private String nextMessage() {
        next = (next + 1) % messages.size();
        return messages.get(next);
    }

    @Benchmark
    public Classification classify() {
        return classifier.classify(nextMessage());
    }

    @Benchmark
    public List<String> features() {
        return features.terms(nextMessage());
    }

    @Benchmark
    public List<String> analyzerFloor() {
        return analyzer.tokens(nextMessage());
    }
}
