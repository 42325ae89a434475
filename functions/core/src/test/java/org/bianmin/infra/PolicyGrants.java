package org.bianmin.infra;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bianmin.queue.QueueUse;
import org.bianmin.store.TableUse;

/**
 * What a function's IAM permissions in template.yaml grant, as {@link ResourceAccess}: inline statements (each action
 * classified as a table read or write, a queue send or consume), the SAM policy templates for DynamoDB and SQS, and
 * SQS event sources, for which SAM adds the poller permissions itself. Anything it cannot classify is an error, so
 * the check never passes by overlooking a grant.
 */
final class PolicyGrants {

    private static final Set<String> QUEUE_SENDS = Set.of("SendMessage", "SendMessageBatch");
    private static final Set<String> QUEUE_CONSUMES = Set.of("ReceiveMessage", "DeleteMessage", "DeleteMessageBatch",
            "ChangeMessageVisibility", "ChangeMessageVisibilityBatch", "GetQueueAttributes");
    /** The actions SAM's DynamoDB policy templates expand to (SAM's policy_templates.json). */
    private static final Map<String, Set<String>> TABLE_POLICIES = Map.of(
            "DynamoDBReadPolicy", Set.of("GetItem", "Scan", "Query", "BatchGetItem", "DescribeTable"),
            "DynamoDBWritePolicy", Set.of("PutItem", "UpdateItem", "BatchWriteItem"),
            "DynamoDBCrudPolicy", Set.of("GetItem", "DeleteItem", "PutItem", "Scan", "Query", "UpdateItem",
                    "BatchWriteItem", "BatchGetItem", "DescribeTable", "ConditionCheckItem"));
    private static final Map<String, QueueUse.Role> QUEUE_POLICIES = Map.of(
            "SQSSendMessagePolicy", QueueUse.Role.SEND,
            "SQSPollerPolicy", QueueUse.Role.CONSUME);
    /** A table's ARN, or its indexes' ARNs: !Sub '${TicketsTable.Arn}/index/*'. */
    private static final Pattern SUB_ARN = Pattern.compile("\\$\\{(\\w+)\\.Arn}(/index/[\\w*-]+)?");
    /** A bucket's objects, or some of them: !Sub '${RouterModelBucket.Arn}/models/*'. */
    private static final Pattern SUB_OBJECTS = Pattern.compile("\\$\\{(\\w+)\\.Arn}/[\\w./-]*\\*?");
    /** The S3 actions the functions need: read and write objects, and list (so a missing key is "no such key"). */
    private static final Set<String> BUCKET_ACTIONS = Set.of("GetObject", "PutObject", "ListBucket");

    private final SamTemplate template;
    private final String stage;
    private final String function;
    private final ResourceAccess granted = new ResourceAccess();

    private PolicyGrants(SamTemplate template, String stage, String function) {
        this.template = template;
        this.stage = stage;
        this.function = function;
    }

    /** The grants of the function resource {@code function}, with physical names for {@code stage}. */
    static ResourceAccess of(SamTemplate template, String function, String stage) {
        PolicyGrants grants = new PolicyGrants(template, stage, function);
        Map<String, Object> properties = SamTemplate.map(template.resource(function), "Properties");
        SamTemplate.list(properties.get("Policies")).forEach(grants::policy);
        SamTemplate.map(properties, "Events").values().forEach(grants::eventSource);
        return grants.granted;
    }

    private void policy(Object policy) {
        if (!(policy instanceof Map<?, ?>)) {
            throw fail("managed policy " + policy + " is not checked; use statements or SAM policy templates");
        }
        SamTemplate.map(policy).forEach((kind, body) -> {
            if (kind.equals("Statement")) {
                SamTemplate.list(body).forEach(this::statement);
            } else if (TABLE_POLICIES.containsKey(kind)) {
                granted.table(name(SamTemplate.map(body).get("TableName"), "AWS::DynamoDB::Table"), TABLE_POLICIES.get(kind));
            } else if (QUEUE_POLICIES.containsKey(kind)) {
                granted.queue(name(SamTemplate.map(body).get("QueueName"), "AWS::SQS::Queue"), QUEUE_POLICIES.get(kind));
            } else {
                throw fail("policy template " + kind + " is not checked");
            }
        });
    }

    private void statement(Object statement) {
        Map<String, Object> s = SamTemplate.map(statement);
        if (!"Allow".equals(s.get("Effect"))) {
            throw fail("only Allow statements are checked: " + s);
        }
        if (asList(s.get("Action")).equals(List.of("secretsmanager:GetSecretValue"))) {
            // secrets are not tables or queues: TemplateTest holds each function to the secrets its environment names
            return;
        }
        for (Object resource : asList(s.get("Resource"))) {
            String logicalId = logicalId(resource);
            String type = String.valueOf(template.resource(logicalId).get("Type"));
            String name = physicalName(logicalId);
            for (Object action : asList(s.get("Action"))) {
                grant(String.valueOf(action), type, name);
            }
        }
    }

    private void grant(String action, String type, String name) {
        String operation = action.substring(action.indexOf(':') + 1);
        if (type.equals("AWS::DynamoDB::Table") && action.startsWith("dynamodb:") && TableUse.OPERATIONS.containsKey(operation)) {
            granted.table(name, Set.of(operation));
        } else if (type.equals("AWS::S3::Bucket") && action.startsWith("s3:") && BUCKET_ACTIONS.contains(operation)) {
            granted.bucket(name, operation);
        } else if (type.equals("AWS::SQS::Queue") && action.startsWith("sqs:") && QUEUE_SENDS.contains(operation)) {
            granted.queue(name, QueueUse.Role.SEND);
        } else if (type.equals("AWS::SQS::Queue") && action.startsWith("sqs:") && QUEUE_CONSUMES.contains(operation)) {
            granted.queue(name, QueueUse.Role.CONSUME);
        } else {
            throw fail("cannot classify " + action + " on " + name);
        }
    }

    private void eventSource(Object event) {
        if ("SQS".equals(SamTemplate.map(event).get("Type"))) {
            granted.queue(name(SamTemplate.map(event, "Properties").get("Queue"), "AWS::SQS::Queue"), QueueUse.Role.CONSUME);
        }
    }

    /** The physical name behind !Ref X, !GetAtt X.Arn or !GetAtt X.QueueName, where X must be of {@code type}. */
    private String name(Object reference, String type) {
        String logicalId = logicalId(reference);
        if (!type.equals(template.resource(logicalId).get("Type"))) {
            throw fail(logicalId + " is not a " + type);
        }
        return physicalName(logicalId);
    }

    private String logicalId(Object reference) {
        if (reference instanceof SamTemplate.Intrinsic intrinsic) {
            String argument = String.valueOf(intrinsic.argument());
            String id = switch (intrinsic.function()) {
                case "Ref" -> argument;
                case "GetAtt" -> argument.substring(0, argument.indexOf('.') < 0 ? argument.length() : argument.indexOf('.'));
                case "Sub" -> {
                    Matcher arn = SUB_ARN.matcher(argument);
                    Matcher objects = SUB_OBJECTS.matcher(argument);
                    yield arn.matches() ? arn.group(1) : objects.matches() ? objects.group(1) : null;
                }
                default -> null;
            };
            if (id != null && template.resource(id) != null) {
                return id;
            }
        }
        throw fail("resource " + reference + " is not a table or queue of this template");
    }

    private String physicalName(String logicalId) {
        if ("AWS::S3::Bucket".equals(template.resource(logicalId).get("Type"))) {
            return logicalId; // bucket names are generated: the logical id names it
        }
        Map<String, Object> properties = SamTemplate.map(template.resource(logicalId), "Properties");
        Object name = properties.containsKey("TableName") ? properties.get("TableName") : properties.get("QueueName");
        if (name == null) {
            throw fail(logicalId + " has no TableName or QueueName");
        }
        return SamTemplate.subStage(name, stage);
    }

    private static List<Object> asList(Object value) {
        return value instanceof List<?> ? SamTemplate.list(value) : List.of(value);
    }

    private IllegalStateException fail(String problem) {
        return new IllegalStateException(function + ": " + problem);
    }
}
