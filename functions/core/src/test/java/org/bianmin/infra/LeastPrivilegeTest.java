package org.bianmin.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.bianmin.queue.QueueUse;
import org.junit.jupiter.api.Test;

/** The policy check fails on hand-written templates that grant too much, too little or something it cannot read. */
class LeastPrivilegeTest {

    private static final String RESOURCES = """
            Resources:
              TicketsTable:
                Type: AWS::DynamoDB::Table
                Properties: {TableName: !Sub 'bianmin-${Stage}-tickets'}
              DevicesTable:
                Type: AWS::DynamoDB::Table
                Properties: {TableName: !Sub 'bianmin-${Stage}-devices'}
              DispatchQueue:
                Type: AWS::SQS::Queue
                Properties: {QueueName: !Sub 'bianmin-${Stage}-dispatch'}
              Fn:
                Type: AWS::Serverless::Function
                Properties:
            """;

    private static List<String> violations(String functionProperties, ResourceAccess used) {
        SamTemplate template = SamTemplate.parse(RESOURCES + functionProperties.indent(6));
        return LeastPrivilege.violations(used, PolicyGrants.of(template, "Fn", "t"));
    }

    private static ResourceAccess readsTickets() {
        ResourceAccess uses = new ResourceAccess();
        uses.table("bianmin-t-tickets", Set.of("GetItem", "Query", "Scan", "BatchGetItem", "DescribeTable"));
        return uses;
    }

    @Test
    void exactGrantsPass() {
        assertThat(violations("""
                Policies:
                  - DynamoDBReadPolicy: {TableName: !Ref TicketsTable}
                """, readsTickets())).isEmpty();
        assertThat(violations("""
                Policies:
                  - Statement:
                      - Effect: Allow
                        Action: [dynamodb:GetItem, dynamodb:Query]
                        Resource: [!GetAtt TicketsTable.Arn, !Sub '${TicketsTable.Arn}/index/*']
                """, readsTickets())).isEmpty();
    }

    @Test
    void crudWhereTheCodeOnlyReadsFails() {
        assertThat(violations("""
                Policies:
                  - DynamoDBCrudPolicy: {TableName: !Ref TicketsTable}
                """, readsTickets())).hasSize(5)
                .anySatisfy(v -> assertThat(v).contains("bianmin-t-tickets", "PutItem (WRITE)"))
                .anySatisfy(v -> assertThat(v).contains("DeleteItem (WRITE)"));
        assertThat(violations("""
                Policies:
                  - Statement:
                      - Effect: Allow
                        Action: [dynamodb:GetItem, dynamodb:PutItem]
                        Resource: !GetAtt TicketsTable.Arn
                """, readsTickets())).singleElement().asString().contains("PutItem (WRITE)");
    }

    @Test
    void anActionTheCodeNeverCallsFails() {
        assertThat(violations("""
                Policies:
                  - Statement:
                      - Effect: Allow
                        Action: [dynamodb:GetItem, dynamodb:BatchWriteItem]
                        Resource: !GetAtt TicketsTable.Arn
                """, readsTickets())).singleElement().asString().contains("BatchWriteItem");
    }

    @Test
    void aTableTheCodeNeverUsesFails() {
        assertThat(violations("""
                Policies:
                  - DynamoDBReadPolicy: {TableName: !Ref TicketsTable}
                  - DynamoDBReadPolicy: {TableName: !Ref DevicesTable}
                """, readsTickets())).singleElement().asString().contains("bianmin-t-devices", "never used");
    }

    @Test
    void aTableOrQueueUsedWithoutAGrantFails() {
        ResourceAccess uses = readsTickets();
        uses.queue("bianmin-t-dispatch", QueueUse.Role.SEND);
        assertThat(violations("Policies: []\n", uses)).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("bianmin-t-tickets", "no policy"))
                .anySatisfy(v -> assertThat(v).contains("bianmin-t-dispatch", "[SEND]"));
    }

    @Test
    void anSqsEventSourceIsConsumptionAndMustMatchTheCode() {
        String consumer = """
                Events:
                  Dispatch:
                    Type: SQS
                    Properties: {Queue: !GetAtt DispatchQueue.Arn}
                """;
        ResourceAccess consumes = new ResourceAccess();
        consumes.queue("bianmin-t-dispatch", QueueUse.Role.CONSUME);
        assertThat(violations(consumer, consumes)).isEmpty();
        assertThat(violations(consumer, new ResourceAccess())).singleElement().asString().contains("[CONSUME]");

        ResourceAccess sends = new ResourceAccess();
        sends.queue("bianmin-t-dispatch", QueueUse.Role.SEND);
        assertThat(violations("""
                Policies:
                  - SQSSendMessagePolicy: {QueueName: !GetAtt DispatchQueue.QueueName}
                  - SQSPollerPolicy: {QueueName: !GetAtt DispatchQueue.QueueName}
                """, sends)).singleElement().asString().contains("granted [SEND, CONSUME]");
    }

    @Test
    void grantsTheCheckCannotClassifyAreRefused() {
        assertThatThrownBy(() -> violations("""
                Policies:
                  - AmazonDynamoDBFullAccess
                """, readsTickets())).hasMessageContaining("managed policy");
        assertThatThrownBy(() -> violations("""
                Policies:
                  - Statement:
                      - Effect: Allow
                        Action: [dynamodb:CreateTable]
                        Resource: !GetAtt TicketsTable.Arn
                """, readsTickets())).hasMessageContaining("cannot classify dynamodb:CreateTable");
        assertThatThrownBy(() -> violations("""
                Policies:
                  - Statement:
                      - Effect: Allow
                        Action: [dynamodb:GetItem]
                        Resource: !Sub 'arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/*'
                """, readsTickets())).hasMessageContaining("is not a table or queue of this template");
    }
}
