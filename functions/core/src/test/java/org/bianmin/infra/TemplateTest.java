package org.bianmin.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bianmin.BianminApplication;
import org.bianmin.http.ApiGatewayHttpFunction;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.HttpRouteGroup;
import org.bianmin.queue.QueueDefinition;
import org.bianmin.queue.Queues;
import org.bianmin.store.TableDefinition;
import org.bianmin.store.Tables;
import org.bianmin.knowledge.infrastructure.KnowledgePreloader;
import org.bianmin.store.DynamoIdempotency;
import org.bianmin.observability.MetricNames;
import org.bianmin.platform.secrets.SecretSource;
import org.bianmin.platform.secrets.SecretsFromSecretsManager;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.testing.SecretsManagerTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * template.yaml against the code: every function's definition builds in Lambda mode with exactly the environment the
 * template gives it (a missing variable fails the start, as it would in AWS), the HTTP routes match, the policies
 * grant exactly the tables and queues the started function uses, and every table has the keys, indexes and TTL of
 * {@link Tables}.
 */
class TemplateTest {

    private static final SamTemplate template = SamTemplate.load();
    private static final String STAGE = "test";
    /** The physical names of tables and queues in a template deployed with {@link #STAGE}. */
    private static final String DEPLOYED_PREFIX = "bianmin-" + STAGE + "-";

    /**
     * Template routes as "METHOD /path", with a trailing ".json" or ".xml" on path parameters folded into the
     * parameter: API Gateway's {@code {service_code}} takes the whole segment, so one template route serves both.
     */
    private static String route(String method, String path) {
        return method.toUpperCase() + " " + path.replaceAll("\\{([^}]+)}\\.(json|xml)", "{$1}");
    }

    /** What starting one function's definition showed: the routes its bean serves (null if not HTTP) and what it uses. */
    private record StartedFunction(String definition, Set<String> declaredRoutes, Set<String> servedRoutes,
                                   Map<String, String> declaredAuthorizers, Map<String, String> servedAuthorizers,
                                   ResourceAccess uses, boolean usesKnowledge, int memorySize, int timeoutSeconds) {
    }

    private static final Map<String, StartedFunction> functions = new TreeMap<>();

    /**
     * Starts every function's definition once, in Lambda mode with exactly the template's environment; a missing
     * variable fails the start here, as it would in AWS.
     */
    @BeforeAll
    static void startEveryFunction() {
        Map<String, Object> globalEnvironment = SamTemplate.map(template.globalFunction(), "Environment", "Variables");
        template.resources("AWS::Serverless::Function").forEach((name, function) -> {
            Map<String, Object> properties = SamTemplate.map(function, "Properties");
            Map<String, Object> environment = new HashMap<>(globalEnvironment);
            environment.putAll(SamTemplate.map(properties, "Environment", "Variables"));
            String definition = String.valueOf(environment.get("SPRING_CLOUD_FUNCTION_DEFINITION"));
            assertThat(definition).as(name + " has a function definition").isNotEqualTo("null");
            try (ConfigurableApplicationContext context = lambdaContext(environment)) {
                assertThat(context.containsBean(definition)).as(name + ": bean " + definition).isTrue();
                Object bean = context.getBean(definition);
                Set<String> served = null;
                Map<String, String> servedAuthorizers = new TreeMap<>();
                if (bean instanceof ApiGatewayHttpFunction http) {
                    served = new TreeSet<>();
                    for (HttpRoute r : http.api().routes()) {
                        served.add(route(r.method(), r.pathTemplate()));
                        servedAuthorizers.put(route(r.method(), r.pathTemplate()), r.access().caller() + " -> "
                                + r.access().authorizer().orElse(NO_AUTHORIZER));
                    }
                }
                // the context is lazy: these singletons exist only if the function's beans needed them
                boolean usesKnowledge = context.getBeanFactory().containsSingleton("knowledgeBase")
                        || context.getBeanFactory().containsSingleton("chineseAnalyzer");
                Object memory = properties.getOrDefault("MemorySize", template.globalFunction().get("MemorySize"));
                Object timeout = properties.getOrDefault("Timeout", template.globalFunction().get("Timeout"));
                functions.put(name, new StartedFunction(definition, httpEvents(properties), served,
                        httpAuthorizers(properties, servedAuthorizers), servedAuthorizers,
                        CodeUses.of(context, DEPLOYED_PREFIX), usesKnowledge, Integer.parseInt(String.valueOf(memory)),
                        Integer.parseInt(String.valueOf(timeout))));
            }
        });
    }

    private static Set<String> httpEvents(Map<String, Object> properties) {
        Set<String> declared = new TreeSet<>();
        SamTemplate.map(properties, "Events").values().forEach(event -> {
            if ("HttpApi".equals(SamTemplate.map(event).get("Type"))) {
                Map<String, Object> eventProperties = SamTemplate.map(event, "Properties");
                declared.add(route(String.valueOf(eventProperties.get("Method")), String.valueOf(eventProperties.get("Path"))));
            }
        });
        return declared;
    }

    private static final String NO_AUTHORIZER = "no authorizer";

    /**
     * The template's authorizer of each route, labelled with the caller the code declares for it so that a mismatch
     * reads plainly ("STAFF -> StaffJwt" against "STAFF -> no authorizer").
     */
    private static Map<String, String> httpAuthorizers(Map<String, Object> properties, Map<String, String> served) {
        Map<String, String> declared = new TreeMap<>();
        SamTemplate.map(properties, "Events").values().forEach(event -> {
            if ("HttpApi".equals(SamTemplate.map(event).get("Type"))) {
                Map<String, Object> eventProperties = SamTemplate.map(event, "Properties");
                String route = route(String.valueOf(eventProperties.get("Method")), String.valueOf(eventProperties.get("Path")));
                Object authorizer = SamTemplate.map(eventProperties, "Auth").get("Authorizer");
                String caller = served.getOrDefault(route, "?").split(" -> ")[0];
                declared.put(route, caller + " -> " + (authorizer == null ? NO_AUTHORIZER : authorizer));
            }
        });
        return declared;
    }

    /**
     * Every route's authorizer in the template is the one its declared {@link org.bianmin.http.Access} asks for:
     * staff routes behind the staff JWT authorizer, citizen routes behind the citizen one, public and device routes
     * (whose device credentials the function checks) without. The local runtime picks its token check from the same
     * declaration, so the two cannot drift apart.
     */
    @Test
    void everyRouteHasTheAuthorizerOfWhoMayCallIt() {
        assertThat(functions).isNotEmpty();
        functions.forEach((name, function) -> {
            if (function.servedRoutes() != null) {
                assertThat(function.declaredAuthorizers()).as(name + " authorizers").isEqualTo(function.servedAuthorizers());
            }
        });
        Set<String> authorizers = SamTemplate.map(template.resources("AWS::Serverless::HttpApi").get("HttpApi"),
                "Properties", "Auth", "Authorizers").keySet();
        assertThat(authorizers).containsExactlyInAnyOrder(org.bianmin.http.Access.STAFF_AUTHORIZER,
                org.bianmin.http.Access.CITIZEN_AUTHORIZER);
    }

    /**
     * IoT Core holds devices to the local broker's topic policy ({@link org.bianmin.devices.application.DeviceTopics}):
     * connect under their own thing name, publish only to their own topics of the two families, nothing else.
     */
    @Test
    void theIotPolicyGivesDevicesTheBrokersTopicPolicy() {
        Map<String, Object> policy = SamTemplate.map(template.resources("AWS::IoT::Policy").get("DevicePolicy"),
                "Properties", "PolicyDocument");
        Map<String, List<String>> granted = new TreeMap<>();
        for (Object statement : SamTemplate.list(policy.get("Statement"))) {
            Map<String, Object> s = SamTemplate.map(statement);
            assertThat(s.get("Effect")).isEqualTo("Allow");
            List<String> resources = new ArrayList<>();
            Object resource = s.get("Resource");
            for (Object one : resource instanceof List<?> list ? list : List.of(resource)) {
                String sub = String.valueOf(((SamTemplate.Intrinsic) one).argument());
                String prefix = "arn:${AWS::Partition}:iot:${AWS::Region}:${AWS::AccountId}:";
                assertThat(sub).startsWith(prefix);
                resources.add(sub.substring(prefix.length()).replace("${!", "${"));
            }
            granted.put(String.valueOf(s.get("Action")), resources);
        }
        String thing = "${iot:Connection.Thing.ThingName}";
        List<String> ownTopics = new ArrayList<>();
        for (String filter : List.of(org.bianmin.devices.application.DeviceTopics.SENSOR_EVENTS,
                org.bianmin.devices.application.DeviceTopics.CAMERA_DETECTIONS)) {
            String[] levels = filter.split("/");
            levels[1] = "*";
            levels[3] = thing;
            ownTopics.add("topic/" + String.join("/", levels));
        }
        assertThat(granted).isEqualTo(Map.of("iot:Connect", List.of("client/" + thing), "iot:Publish", ownTopics));
    }

    @Test
    void everyFunctionServesExactlyItsRoutesAndEveryRouteIsDeployed() {
        Set<String> templateRoutes = new TreeSet<>();
        Set<String> servedRoutes = new TreeSet<>();
        functions.forEach((name, function) -> {
            templateRoutes.addAll(function.declaredRoutes());
            if (function.servedRoutes() == null) {
                assertThat(function.declaredRoutes()).as(name + " is not an HTTP function").isEmpty();
            } else {
                assertThat(function.declaredRoutes()).as(name + " (" + function.definition() + ") routes")
                        .isEqualTo(function.servedRoutes());
                servedRoutes.addAll(function.servedRoutes());
            }
        });
        assertThat(templateRoutes).isEqualTo(servedRoutes);
        assertThat(servedRoutes).containsAll(allRoutesOfTheLocalRuntime());
    }

    /** The knowledge preload (a cold-start cost) runs in exactly the functions whose beans use knowledge. */
    @Test
    void theKnowledgePreloadRunsExactlyWhereKnowledgeIsUsed() {
        assertThat(functions).isNotEmpty();
        Map<String, Boolean> expected = new TreeMap<>();
        Map<String, Boolean> preloaded = new TreeMap<>();
        functions.forEach((name, function) -> {
            expected.put(function.definition(), function.usesKnowledge());
            preloaded.put(function.definition(), KnowledgePreloader.preloads(function.definition()));
        });
        assertThat(preloaded).isEqualTo(expected);
    }

    /**
     * Memory follows the measured sizing (docs/benchmarks.md, "Memory per function": every function's resident set
     * after its cold start is under 256 MB): 2048 MB where knowledge is loaded, for the 2 vCPUs that analyze it beside
     * the Spring start-up; 1024 MB for the other HTTP functions, whose cold start a caller waits for; 512 MB for
     * background jobs; except router training, measured at about 2.3 GB resident on 6,369 messages (docs/hotline.md),
     * which gets 3008 MB.
     */
    @Test
    void everyFunctionGetsTheMemoryOfItsKind() {
        assertThat(functions).isNotEmpty();
        Map<String, Integer> expected = new TreeMap<>();
        Map<String, Integer> actual = new TreeMap<>();
        functions.forEach((name, function) -> {
            expected.put(name, function.definition().equals("trainRouter") ? 3008
                    : function.usesKnowledge() ? 2048 : function.servedRoutes() != null ? 1024 : 512);
            actual.put(name, function.memorySize());
        });
        assertThat(actual).isEqualTo(expected);
    }

    /**
     * A function that claims idempotency keys must time out after a repeat's in-flight wait (so the waiting caller
     * gets its 409 before Lambda kills it) and before the claim's lock expires (so a running attempt is never
     * taken over; an expired lock means the attempt crashed).
     */
    @Test
    void functionsThatClaimIdempotencyKeysTimeOutBetweenTheInFlightWaitAndTheLock() {
        String idempotencyTable = Tables.IDEMPOTENCY.tableName(DEPLOYED_PREFIX);
        Map<String, Integer> claiming = new TreeMap<>();
        functions.forEach((name, function) -> {
            if (function.uses().tables.getOrDefault(idempotencyTable, Set.of()).contains("PutItem")) {
                claiming.put(name, function.timeoutSeconds());
            }
        });
        assertThat(claiming).containsKeys("HotlineFunction", "ApprovalFunction", "DeviceEventsFunction");
        assertThat(claiming.values()).allSatisfy(timeout -> assertThat(timeout)
                .isGreaterThan((int) DynamoIdempotency.IN_FLIGHT_WAIT.toSeconds())
                .isLessThan((int) DynamoIdempotency.LOCK.toSeconds()));
    }

    /**
     * Each function's policies grant exactly the tables and queues its code uses: nothing it never touches, no
     * write where it only reads, and nothing it uses left out (see {@link LeastPrivilege}).
     */
    @Test
    void everyFunctionIsGrantedWhatItsCodeUsesAndNothingElse() {
        assertThat(functions).isNotEmpty();
        Map<String, List<String>> violations = new TreeMap<>();
        functions.forEach((name, function) -> {
            List<String> found = LeastPrivilege.violations(function.uses(), PolicyGrants.of(template, name, STAGE));
            if (!found.isEmpty()) {
                violations.put(name + " (" + function.definition() + ")", found);
            }
        });
        assertThat(violations).isEmpty();
    }

    /**
     * The router model bucket: the functions that serve a model named by {@code BIANMIN_ROUTER_MODEL} may read
     * and list it (list, so that a missing model is reported as missing and not as access denied), the training
     * function may also write, and no other function touches it.
     */
    @Test
    void onlyTheRouterFunctionsReachTheModelBucketAndOnlyTheTrainingWritesIt() {
        Map<String, Object> globalEnvironment = SamTemplate.map(template.globalFunction(), "Environment", "Variables");
        Map<String, Map<String, Set<String>>> expected = new TreeMap<>();
        Map<String, Map<String, Set<String>>> granted = new TreeMap<>();
        template.resources("AWS::Serverless::Function").forEach((name, function) -> {
            Map<String, Object> environment = new HashMap<>(globalEnvironment);
            environment.putAll(SamTemplate.map(SamTemplate.map(function, "Properties"), "Environment", "Variables"));
            if ("trainRouter".equals(environment.get("SPRING_CLOUD_FUNCTION_DEFINITION"))) {
                expected.put(name, Map.of("RouterModelBucket", Set.of("GetObject", "ListBucket", "PutObject")));
            } else if (environment.containsKey("BIANMIN_ROUTER_MODEL")) {
                expected.put(name, Map.of("RouterModelBucket", Set.of("GetObject", "ListBucket")));
            }
            Map<String, Set<String>> buckets = new TreeMap<>(PolicyGrants.of(template, name, STAGE).buckets);
            buckets.keySet().retainAll(Set.of("RouterModelBucket"));
            if (!buckets.isEmpty()) {
                granted.put(name, buckets);
            }
        });
        assertThat(expected).containsKeys("HotlineFunction", "RouterTrainingFunction");
        assertThat(granted).isEqualTo(expected);
    }

    /**
     * The photo bucket: only the function that serves the photo routes reaches it (read, write, list), and no
     * function reaches a bucket other than the two this template knows.
     */
    @Test
    void onlyThePhotoFunctionReachesThePhotoBucket() {
        Map<String, Map<String, Set<String>>> photoGrants = new TreeMap<>();
        template.resources("AWS::Serverless::Function").forEach((name, function) -> {
            Map<String, Set<String>> buckets = PolicyGrants.of(template, name, STAGE).buckets;
            assertThat(buckets.keySet()).as(name + " buckets").isSubsetOf("RouterModelBucket", "RequestPhotosBucket");
            if (buckets.containsKey("RequestPhotosBucket")) {
                photoGrants.put(name, Map.of("RequestPhotosBucket", buckets.get("RequestPhotosBucket")));
            }
        });
        assertThat(photoGrants).isEqualTo(Map.of("RequestPhotosFunction",
                Map.of("RequestPhotosBucket", Set.of("GetObject", "ListBucket", "PutObject"))));
        assertThat(functions.get("RequestPhotosFunction").definition()).isEqualTo("photosApi");
    }

    /** Every route any capability offers (what the local runtime serves) must be deployed by some function. */
    private static Set<String> allRoutesOfTheLocalRuntime() {
        try (ConfigurableApplicationContext context = lambdaContext(Map.of("BIANMIN_HOTLINE_ALLOWDEVELOPMENTKEYS", "true",
                "BIANMIN_RUNTIME_LOCAL", "true"))) {
            Set<String> all = new LinkedHashSet<>();
            context.getBeansOfType(HttpRoute.class).values().forEach(r -> all.add(route(r.method(), r.pathTemplate())));
            context.getBeansOfType(HttpRouteGroup.class).values()
                    .forEach(g -> g.routes().forEach(r -> all.add(route(r.method(), r.pathTemplate()))));
            return all;
        }
    }

    /**
     * Secrets stay out of the function configuration: no value is resolved into an environment variable, every
     * variable that names a secret is one the code reads ({@link SecretSource}), and the function may read exactly
     * the secrets its environment names.
     */
    @Test
    void functionsNameTheirSecretsAndMayReadOnlyThose() {
        Set<String> known = new TreeSet<>();
        SecretSource.ALL.forEach(source -> known.add(source.property().toUpperCase().replace('.', '_')));
        Map<String, Object> globals = SamTemplate.map(template.globalFunction(), "Environment", "Variables");
        assertThat(String.valueOf(globals)).as("global environment").doesNotContain("resolve:secretsmanager").doesNotContain("SECRETS");
        template.resources("AWS::Serverless::Function").forEach((name, function) -> {
            Map<String, Object> properties = SamTemplate.map(function, "Properties");
            Map<String, Object> environment = SamTemplate.map(properties, "Environment", "Variables");
            assertThat(String.valueOf(environment)).as(name + " environment").doesNotContain("resolve:secretsmanager");
            Set<String> named = new TreeSet<>();
            environment.forEach((key, value) -> {
                if (key.startsWith("BIANMIN_SECRETS_")) {
                    assertThat(known).as(name + ": " + key + " is a secret the code reads").contains(key);
                    named.add(secretParameter(value));
                }
            });
            Set<String> readable = new TreeSet<>();
            for (Object policy : SamTemplate.list(properties.get("Policies"))) {
                for (Object statement : SamTemplate.list(SamTemplate.map(policy).get("Statement"))) {
                    Map<String, Object> s = SamTemplate.map(statement);
                    if (String.valueOf(s.get("Action")).contains("secretsmanager")) {
                        assertThat(s.get("Action")).as(name + " secret actions").isEqualTo(List.of("secretsmanager:GetSecretValue"));
                        SamTemplate.list(s.get("Resource")).forEach(resource -> readable.add(secretParameter(resource)));
                    }
                }
            }
            assertThat(readable).as(name + ": the secrets it may read are those its environment names").isEqualTo(named);
        });
    }

    /** The parameter a secret reference names: {@code !Ref X}, or the first {@code !Ref} of an {@code !If}. */
    private static String secretParameter(Object reference) {
        if (reference instanceof SamTemplate.Intrinsic intrinsic) {
            if (intrinsic.function().equals("Ref")) {
                return String.valueOf(intrinsic.argument());
            }
            if (intrinsic.function().equals("If")) {
                return secretParameter(SamTemplate.list(intrinsic.argument()).get(1));
            }
        }
        return String.valueOf(reference);
    }

    /**
     * The alarms on the functions' own metrics name metrics the code writes ({@link MetricNames}), in the namespace
     * the functions are given, with the dimensions the code writes; the breaker alarm covers every data source.
     */
    @Test
    void alarmsOnOurMetricsNameWhatTheCodeWrites() throws IllegalAccessException {
        Set<String> written = new TreeSet<>();
        for (java.lang.reflect.Field field : MetricNames.class.getFields()) {
            if (field.getType() == String.class) {
                written.add((String) field.get(null));
            }
        }
        Object namespace = SamTemplate.map(template.globalFunction(), "Environment", "Variables").get("BIANMIN_METRICS_NAMESPACE");
        Map<String, Set<String>> dimensions = Map.of(MetricNames.TICKETS_OVERDUE, Set.of(),
                MetricNames.APPROVAL_DECISIONS, Set.of("decision"), MetricNames.DEAD_LETTERS, Set.of("kind"),
                MetricNames.CIRCUIT_BREAKER_STATE, Set.of("breaker"));
        Set<String> alarmed = new TreeSet<>();
        Set<String> breakers = new TreeSet<>();
        template.resources("AWS::CloudWatch::Alarm").forEach((name, alarm) -> {
            Map<String, Object> properties = SamTemplate.map(alarm, "Properties");
            List<Map<String, Object>> metrics = new ArrayList<>();
            if (properties.containsKey("MetricName")) {
                metrics.add(properties);
            }
            for (Object query : SamTemplate.list(properties.get("Metrics"))) {
                Map<String, Object> stat = SamTemplate.map(query);
                if (stat.containsKey("MetricStat")) {
                    metrics.add(SamTemplate.map(stat, "MetricStat", "Metric"));
                }
            }
            for (Map<String, Object> metric : metrics) {
                if (!String.valueOf(metric.get("Namespace")).contains("Bianmin/")) {
                    continue;
                }
                assertThat(metric.get("Namespace")).as(name + " namespace").isEqualTo(namespace);
                String metricName = String.valueOf(metric.get("MetricName"));
                assertThat(written).as(name + " metric").contains(metricName);
                Set<String> names = new TreeSet<>();
                SamTemplate.list(metric.get("Dimensions")).forEach(d -> names.add(String.valueOf(SamTemplate.map(d).get("Name"))));
                assertThat(names).as(name + " dimensions of " + metricName).isEqualTo(dimensions.get(metricName));
                alarmed.add(metricName);
                if (metricName.equals(MetricNames.CIRCUIT_BREAKER_STATE)) {
                    SamTemplate.list(metric.get("Dimensions")).forEach(d -> breakers.add(String.valueOf(SamTemplate.map(d).get("Value"))));
                }
            }
        });
        assertThat(alarmed).containsExactlyInAnyOrderElementsOf(dimensions.keySet());
        assertThat(breakers).containsExactlyInAnyOrderElementsOf(org.bianmin.approval.sources.SyntheticPopulation.SOURCES);
    }

    private static final Set<String> CHECKED_POLICIES = Set.of("Statement", "DynamoDBReadPolicy", "DynamoDBWritePolicy",
            "DynamoDBCrudPolicy", "SQSSendMessagePolicy", "SQSPollerPolicy");

    @Test
    void policiesNameTheirActionsAndResourcesWithoutWildcards() {
        template.resources("AWS::Serverless::Function").forEach((name, function) -> {
            for (Object policy : SamTemplate.list(SamTemplate.map(function, "Properties").get("Policies"))) {
                Map<String, Object> entry = SamTemplate.map(policy);
                assertThat(entry.keySet()).as(name + ": statements and the DynamoDB and SQS policy templates")
                        .allMatch(CHECKED_POLICIES::contains);
                for (Object statement : SamTemplate.list(entry.get("Statement"))) {
                    Map<String, Object> s = SamTemplate.map(statement);
                    assertThat(String.valueOf(s.get("Action"))).as(name + " actions").doesNotContain("*");
                    assertThat(String.valueOf(s.get("Resource"))).as(name + " resources").isNotEqualTo("*");
                }
            }
        });
    }

    @Test
    void everyTableHasTheKeysIndexesAndTtlTheCodeUses() {
        Map<String, Map<String, Object>> tables = new HashMap<>();
        template.resources("AWS::DynamoDB::Table").values().forEach(table -> tables.put(
                SamTemplate.subStage(SamTemplate.map(table, "Properties").get("TableName"), STAGE), SamTemplate.map(table, "Properties")));
        for (TableDefinition definition : Tables.ALL) {
            String name = definition.tableName("bianmin-" + STAGE + "-");
            assertThat(tables).as("template declares " + name).containsKey(name);
            Map<String, Object> table = tables.get(name);
            assertThat(keys(table.get("KeySchema"))).as(name + " keys")
                    .isEqualTo(expectedKeys(definition.partitionKey(), definition.sortKey()));
            Map<String, List<String>> indexes = new HashMap<>();
            SamTemplate.list(table.get("GlobalSecondaryIndexes")).forEach(index -> indexes.put(
                    String.valueOf(SamTemplate.map(index).get("IndexName")), keys(SamTemplate.map(index).get("KeySchema"))));
            Map<String, List<String>> expectedIndexes = new HashMap<>();
            definition.indexes().forEach(i -> expectedIndexes.put(i.name(), expectedKeys(i.partitionKey(), i.sortKey())));
            assertThat(indexes).as(name + " indexes").isEqualTo(expectedIndexes);
            Map<String, Object> ttl = SamTemplate.map(table, "TimeToLiveSpecification");
            assertThat(ttl.get("AttributeName")).as(name + " TTL").isEqualTo(definition.ttlAttribute());
            assertThat(table.get("BillingMode")).as(name + " on demand").isEqualTo("PAY_PER_REQUEST");
            assertThat(SamTemplate.map(table, "PointInTimeRecoverySpecification").get("PointInTimeRecoveryEnabled"))
                    .as(name + " point-in-time recovery").isEqualTo(true);
            assertThat(SamTemplate.map(table, "SSESpecification").get("SSEEnabled")).as(name + " encryption").isEqualTo(true);
        }
    }

    @Test
    void everyQueueOfTheCodeHasADeadLetterQueue() {
        Map<String, Map<String, Object>> queues = new HashMap<>();
        template.resources("AWS::SQS::Queue").values().forEach(queue -> queues.put(
                SamTemplate.subStage(SamTemplate.map(queue, "Properties").get("QueueName"), STAGE), SamTemplate.map(queue, "Properties")));
        for (QueueDefinition definition : Queues.ALL) {
            String name = definition.queueName(DEPLOYED_PREFIX);
            assertThat(queues).as("template declares " + name).containsKey(name);
            assertThat(SamTemplate.map(queues.get(name), "RedrivePolicy")).as(name + " dead-letter queue").containsKey("deadLetterTargetArn");
        }
    }

    private static List<String> keys(Object keySchema) {
        List<String> keys = new ArrayList<>();
        SamTemplate.list(keySchema).forEach(k -> keys.add(SamTemplate.map(k).get("AttributeName") + ":" + SamTemplate.map(k).get("KeyType")));
        return keys;
    }

    private static List<String> expectedKeys(String partition, String sort) {
        List<String> keys = new ArrayList<>(List.of(partition + ":HASH"));
        if (sort != null) {
            keys.add(sort + ":RANGE");
        }
        return keys;
    }

    /**
     * The Spring context as a Lambda builds it: lazy beans, no local-only switches, the template's environment
     * (intrinsics replaced by placeholders), dynalite as the endpoint.
     */
    private static ConfigurableApplicationContext lambdaContext(Map<String, Object> environment) {
        Map<String, Object> properties = new HashMap<>();
        environment.forEach((key, value) -> {
            if (!key.equals("SPRING_CLOUD_FUNCTION_DEFINITION") && !key.equals("JAVA_TOOL_OPTIONS") && !key.equals("MAIN_CLASS")) {
                String resolved = value instanceof SamTemplate.Intrinsic ? placeholder(key) : String.valueOf(value);
                properties.put(relaxed(key), resolved);
            }
        });
        properties.putAll(DynamoDbTestServer.springProperties());
        properties.put(SecretsFromSecretsManager.ENDPOINT, SECRETS.endpoint());
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        properties.put("bianmin.dynamodb.region", "us-east-1");
        properties.put("logging.structured.format.console", "");
        System.setProperty("aws.region", "us-east-1");
        SpringApplication application = new SpringApplication(BianminApplication.class);
        application.setDefaultProperties(properties);
        return application.run("--spring.main.lazy-initialization=true");
    }

    /**
     * The secrets the template names (by ARN), served by a Secrets Manager endpoint under the variable's name: a
     * function reads them at start through the real SDK client, and one that cannot fails the start here.
     */
    private static final SecretsManagerTestServer SECRETS = new SecretsManagerTestServer(Map.of(
            "BIANMIN_SECRETS_PHONEKEYS", SecretsManagerTestServer.jsonSecret(Map.of(
                    "phoneHashKey", java.util.Base64.getEncoder().encodeToString(new byte[32]),
                    "phoneEncryptionKey", java.util.Base64.getEncoder().encodeToString(new byte[32]))),
            "BIANMIN_SECRETS_PREVIOUSPHONEKEYS", SecretsManagerTestServer.jsonSecret(Map.of(
                    "phoneHashKey", java.util.Base64.getEncoder().encodeToString("1".repeat(32).getBytes()),
                    "phoneEncryptionKey", java.util.Base64.getEncoder().encodeToString("1".repeat(32).getBytes()))),
            "BIANMIN_SECRETS_DEVICECREDENTIALS", "a-device-credential-secret-of-at-least-32-bytes",
            "BIANMIN_SECRETS_ELASTICSEARCHAPIKEY", "placeholder"));

    /** Secrets and queue URLs are intrinsics in the template; here they become well-formed stand-ins. */
    private static String placeholder(String key) {
        if (key.startsWith("BIANMIN_SECRETS_")) {
            return key;
        }
        if (key.equals("BIANMIN_ROUTER_MODEL")) {
            // the template's default (no RouterModelKey): the built-in model; S3 loading is tested on its own
            return "";
        }
        if (key.endsWith("KEY")) {
            return java.util.Base64.getEncoder().encodeToString(new byte[32]);
        }
        if (key.endsWith("KEYPREVIOUS")) {
            byte[] previous = new byte[32];
            java.util.Arrays.fill(previous, (byte) 1);
            return java.util.Base64.getEncoder().encodeToString(previous);
        }
        if (key.endsWith("QUEUEURL")) {
            return "https://sqs.us-east-1.amazonaws.com/123456789012/" + key.toLowerCase();
        }
        if (key.endsWith("URL")) {
            return "https://gateway.example.invalid/" + key.toLowerCase() + "/";
        }
        return "placeholder";
    }

    /** BIANMIN_HOTLINE_PHONEHASHKEY -> bianmin.hotline.phonehashkey (Spring's relaxed binding does the rest). */
    private static String relaxed(String environmentName) {
        return environmentName.toLowerCase().replace('_', '.');
    }
}
