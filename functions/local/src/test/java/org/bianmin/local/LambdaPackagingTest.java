package org.bianmin.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The Lambda deployment jar (bianmin-core-*-aws.jar, built by {@code mvn verify} before this module's tests) holds
 * the functions and none of the local-only engines.
 */
class LambdaPackagingTest {

    /** AWS Lambda's limit on a function's unzipped deployment package. */
    static final long MAX_UNZIPPED_BYTES = 250L * 1024 * 1024;

    private static Path lambdaJar() throws IOException {
        Path target = Path.of("..", "core", "target");
        assumeThat(Files.isDirectory(target)).as("core module built").isTrue();
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(p -> p.getFileName().toString().endsWith("-aws.jar")).findFirst().orElse(null);
        }
        assumeThat(jar).as("the shaded jar exists after 'mvn package' (run 'mvn verify')").isNotNull();
        return jar;
    }

    @Test
    void theLambdaJarStaysUnderLambdasUnzippedLimitWithTheModelForLinuxX8664Only() throws IOException {
        try (ZipFile zip = new ZipFile(lambdaJar().toFile())) {
            long unzipped = zip.stream().mapToLong(e -> Math.max(0, e.getSize())).sum();
            System.out.printf("Lambda jar unzipped: %.1f MB%n", unzipped / 1024.0 / 1024.0);
            assertThat(unzipped).isLessThanOrEqualTo(MAX_UNZIPPED_BYTES);
            List<String> names = zip.stream().map(e -> e.getName()).toList();
            // the sentence model, its vectors built for the entries, and the native libraries Lambda runs
            assertThat(names).contains("bge-small-zh-v1.5-q.onnx", "knowledge/entry-vectors.bin",
                    "ai/onnxruntime/native/linux-x64/libonnxruntime.so",
                    "native/lib/linux-x86_64/cpu/libtokenizers.so");
            assertThat(names).noneMatch(n -> n.startsWith("ai/onnxruntime/native/") && !n.startsWith("ai/onnxruntime/native/linux-x64/")
                    && !n.equals("ai/onnxruntime/native/"));
            assertThat(names).noneMatch(n -> n.startsWith("native/lib/") && n.endsWith("/cpu/")
                    && !n.equals("native/lib/linux-x86_64/cpu/"));
        }
    }

    /**
     * Only HanLP's pinyin dictionary is shipped (its segmenter and name dictionaries are filtered out): the pinyin of
     * characters still reads polyphones by word inside the deployment jar itself, with nothing else on the class path.
     */
    @Test
    void theLambdaJarReadsPinyinWithOnlyHanLpsPinyinDictionary() throws Exception {
        Path jar = lambdaJar();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(zip.stream().map(e -> e.getName()).filter(n -> n.startsWith("data/") && !n.endsWith("/")))
                    .containsExactlyInAnyOrder("data/dictionary/pinyin/pinyin.txt", "data/dictionary/pinyin/pinyin.txt.bin");
            assertThat(zip.getEntry("com/sun/jna/linux-x86-64/libjnidispatch.so")).isNotNull();
        }
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> hanLp = Class.forName("com.hankcs.hanlp.HanLP", true, isolated);
            List<?> sounds = (List<?>) hanLp.getMethod("convertToPinyinList", String.class).invoke(null, "银行行驶");
            List<String> toneless = new ArrayList<>();
            for (Object sound : sounds) {
                toneless.add((String) sound.getClass().getMethod("getPinyinWithoutTone").invoke(sound));
            }
            assertThat(toneless).containsExactly("yin", "hang", "xing", "shi");
        }
    }

    @Test
    void theLambdaJarHasTheHandlerAndTheDataButNoLocalOnlyDependencies() throws IOException {
        Path jar = lambdaJar();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> names = zip.stream().map(e -> e.getName()).toList();
            assertThat(names).contains(
                    "org/springframework/cloud/function/adapter/aws/FunctionInvoker.class",
                    "com/amazonaws/services/lambda/runtime/serialization/events/LambdaEventSerializers.class",
                    "org/bianmin/BianminApplication.class",
                    "knowledge/analysis/dictionary.txt",
                    "index-mappings/knowledge.json",
                    // the published device schemas are the ones the function validates against
                    "devices/schemas/sensor-event.schema.json",
                    "devices/schemas/camera-detection.schema.json");
            assertThat(names).anyMatch(n -> n.startsWith("knowledge/entries/") && n.endsWith(".jsonl"));
            assertThat(names).noneMatch(n -> n.startsWith("com/amazonaws/services/dynamodbv2/local/")
                    || n.startsWith("bianmin-dynalite/")
                    || n.startsWith("org/bianmin/local/")
                    || n.startsWith("org/apache/catalina/")
                    || n.startsWith("org/apache/tomcat/")
                    || n.startsWith("io/netty/"));
        }
    }

    /**
     * The deployment jar merges every dependency's {@code META-INF/spring.factories}; a merge that keeps one jar's
     * value per key drops ours, and then the knowledge preload and the secrets post-processor never run in Lambda
     * while every test on the class path still passes.
     */
    @Test
    void theLambdaJarsSpringFactoriesKeepOurListenersAndPostProcessorBesideSpringBoots() throws IOException {
        try (ZipFile zip = new ZipFile(lambdaJar().toFile())) {
            java.util.Properties factories = new java.util.Properties();
            try (var in = zip.getInputStream(zip.getEntry("META-INF/spring.factories"))) {
                factories.load(in);
            }
            List<String> listeners = List.of(factories.getProperty("org.springframework.boot.SpringApplicationRunListener", "")
                    .split("\\s*,\\s*"));
            assertThat(listeners).contains("org.bianmin.knowledge.infrastructure.KnowledgePreloader",
                    "org.bianmin.http.RequestBodiesPreloader",
                    "org.springframework.boot.context.event.EventPublishingRunListener");
            List<String> postProcessors = List.of(factories.getProperty("org.springframework.boot.EnvironmentPostProcessor", "")
                    .split("\\s*,\\s*"));
            assertThat(postProcessors).contains("org.bianmin.platform.secrets.SecretsFromSecretsManager",
                    "org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor");
        }
    }

    /**
     * Once a jar carries {@code META-INF/spring.components}, Spring finds components only through such indexes: a
     * configuration class missing from the deployment jar's index would silently not exist in Lambda.
     */
    @Test
    void theLambdaJarsComponentIndexListsEveryComponentAndPropertiesClassOfOurs() throws IOException {
        try (ZipFile zip = new ZipFile(lambdaJar().toFile())) {
            java.util.Properties index = new java.util.Properties();
            try (var in = zip.getInputStream(zip.getEntry("META-INF/spring.components"))) {
                index.load(in);
            }
            var readers = new org.springframework.core.type.classreading.SimpleMetadataReaderFactory();
            java.util.Set<String> indexed = new java.util.TreeSet<>();
            for (var entry : zip.stream().filter(e -> e.getName().startsWith("org/bianmin/")
                    && e.getName().endsWith(".class") && !e.getName().contains("__")).toList()) {
                try (var in = zip.getInputStream(entry)) {
                    var metadata = readers.getMetadataReader(new org.springframework.core.io.ByteArrayResource(in.readAllBytes()))
                            .getAnnotationMetadata();
                    if (metadata.hasMetaAnnotation(org.springframework.stereotype.Indexed.class.getName())
                            || metadata.hasAnnotation(org.springframework.stereotype.Indexed.class.getName())) {
                        indexed.add(metadata.getClassName());
                    }
                }
            }
            assertThat(indexed).contains("org.bianmin.BianminApplication",
                    "org.bianmin.inquiry.infrastructure.InquiryConfiguration", "org.bianmin.store.StoreProperties");
            assertThat(new java.util.TreeSet<>(index.stringPropertyNames())).isEqualTo(indexed);
        }
    }

    /**
     * The functions start from bean definitions generated at build time: the deployment jar turns that on by itself
     * ({@code spring.properties}) and holds the generated definitions of every configuration class of ours, while the
     * plain jar that the local runtime runs on starts the regular way.
     */
    @Test
    void theLambdaJarStartsFromTheBeanDefinitionsGeneratedAtBuildTimeAndThePlainJarDoesNot() throws IOException {
        Path jar = lambdaJar();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            java.util.Properties spring = new java.util.Properties();
            try (var in = zip.getInputStream(zip.getEntry("spring.properties"))) {
                spring.load(in);
            }
            assertThat(spring.getProperty("spring.aot.enabled")).isEqualTo("true");
            assertThat(zip.getEntry("org/bianmin/BianminApplication__ApplicationContextInitializer.class")).isNotNull();
            java.util.Properties index = new java.util.Properties();
            try (var in = zip.getInputStream(zip.getEntry("META-INF/spring.components"))) {
                index.load(in);
            }
            for (String component : index.stringPropertyNames()) {
                if (!component.equals("org.bianmin.BianminApplication")) {
                    assertThat(zip.getEntry(component.replace('.', '/') + "__BeanDefinitions.class"))
                            .as("generated bean definitions of " + component).isNotNull();
                }
            }
        }
        Path plain = jar.resolveSibling(jar.getFileName().toString().replace("-aws.jar", ".jar"));
        try (ZipFile zip = new ZipFile(plain.toFile())) {
            assertThat(zip.getEntry("spring.properties")).as("the plain jar leaves AOT off").isNull();
        }
    }
}
