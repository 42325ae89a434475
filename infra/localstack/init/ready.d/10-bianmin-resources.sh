#!/usr/bin/env bash
# LocalStack init hook (mounted at /etc/localstack/init/ready.d): creates Bianmin's tables and queues with the
# names the functions use for the stage "local" (table prefix bianmin-local-). Keys and indexes mirror
# org.bianmin.store.Tables; LocalStackScriptTest fails if they drift.
set -euo pipefail
P=bianmin-local-

awslocal dynamodb create-table --table-name ${P}conversations --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=sessionId,AttributeType=S \
  --key-schema AttributeName=sessionId,KeyType=HASH
awslocal dynamodb update-time-to-live --table-name ${P}conversations \
  --time-to-live-specification Enabled=true,AttributeName=expiresAt

awslocal dynamodb create-table --table-name ${P}tickets --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=trackingNumber,AttributeType=S AttributeName=departmentStatus,AttributeType=S \
    AttributeName=status,AttributeType=S AttributeName=openDeadline,AttributeType=S AttributeName=dueAt,AttributeType=S \
    AttributeName=phoneHash,AttributeType=S AttributeName=createdAt,AttributeType=S \
    AttributeName=externalId,AttributeType=S AttributeName=categoryCode,AttributeType=S \
    AttributeName=suspectedDuplicate,AttributeType=S \
  --key-schema AttributeName=trackingNumber,KeyType=HASH \
  --stream-specification StreamEnabled=true,StreamViewType=KEYS_ONLY \
  --global-secondary-indexes \
    'IndexName=byDepartmentStatus,KeySchema=[{AttributeName=departmentStatus,KeyType=HASH},{AttributeName=createdAt,KeyType=RANGE}],Projection={ProjectionType=ALL}' \
    'IndexName=byStatus,KeySchema=[{AttributeName=status,KeyType=HASH},{AttributeName=createdAt,KeyType=RANGE}],Projection={ProjectionType=ALL}' \
    'IndexName=byDeadline,KeySchema=[{AttributeName=openDeadline,KeyType=HASH},{AttributeName=dueAt,KeyType=RANGE}],Projection={ProjectionType=ALL}' \
    'IndexName=byPhone,KeySchema=[{AttributeName=phoneHash,KeyType=HASH},{AttributeName=createdAt,KeyType=RANGE}],Projection={ProjectionType=ALL}' \
    'IndexName=byExternalId,KeySchema=[{AttributeName=externalId,KeyType=HASH}],Projection={ProjectionType=ALL}' \
    'IndexName=byCategory,KeySchema=[{AttributeName=categoryCode,KeyType=HASH},{AttributeName=createdAt,KeyType=RANGE}],Projection={ProjectionType=ALL}' \
    'IndexName=bySuspectedDuplicate,KeySchema=[{AttributeName=suspectedDuplicate,KeyType=HASH},{AttributeName=createdAt,KeyType=RANGE}],Projection={ProjectionType=ALL}'

awslocal dynamodb create-table --table-name ${P}ticket-statistics --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=scope,AttributeType=S AttributeName=period,AttributeType=S \
  --key-schema AttributeName=scope,KeyType=HASH AttributeName=period,KeyType=RANGE

awslocal dynamodb create-table --table-name ${P}hotspots --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=pk,AttributeType=S AttributeName=sk,AttributeType=S \
  --key-schema AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE
awslocal dynamodb create-table --table-name ${P}incidents --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=incidentId,AttributeType=S AttributeName=openScope,AttributeType=S \
    AttributeName=department,AttributeType=S AttributeName=createdAt,AttributeType=S \
  --key-schema AttributeName=incidentId,KeyType=HASH \
  --global-secondary-indexes \
    'IndexName=byOpen,KeySchema=[{AttributeName=openScope,KeyType=HASH},{AttributeName=createdAt,KeyType=RANGE}],Projection={ProjectionType=ALL}' \
    'IndexName=byDepartment,KeySchema=[{AttributeName=department,KeyType=HASH},{AttributeName=createdAt,KeyType=RANGE}],Projection={ProjectionType=ALL}'

awslocal dynamodb create-table --table-name ${P}idempotency --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=idempotencyKey,AttributeType=S \
  --key-schema AttributeName=idempotencyKey,KeyType=HASH
awslocal dynamodb update-time-to-live --table-name ${P}idempotency \
  --time-to-live-specification Enabled=true,AttributeName=expiresAt

awslocal dynamodb create-table --table-name ${P}approvals --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=applicationId,AttributeType=S \
  --key-schema AttributeName=applicationId,KeyType=HASH

awslocal dynamodb create-table --table-name ${P}reverification-batches --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=batchId,AttributeType=S \
  --key-schema AttributeName=batchId,KeyType=HASH

awslocal dynamodb create-table --table-name ${P}devices --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=deviceId,AttributeType=S \
  --key-schema AttributeName=deviceId,KeyType=HASH

awslocal dynamodb create-table --table-name ${P}alarms --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=alarmKey,AttributeType=S AttributeName=status,AttributeType=S AttributeName=lastSeen,AttributeType=S \
  --key-schema AttributeName=alarmKey,KeyType=HASH \
  --global-secondary-indexes \
    'IndexName=byStatus,KeySchema=[{AttributeName=status,KeyType=HASH},{AttributeName=lastSeen,KeyType=RANGE}],Projection={ProjectionType=ALL}'

awslocal dynamodb create-table --table-name ${P}device-dead-letters --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=letterId,AttributeType=S \
  --key-schema AttributeName=letterId,KeyType=HASH
awslocal dynamodb update-time-to-live --table-name ${P}device-dead-letters \
  --time-to-live-specification Enabled=true,AttributeName=expiresAt

awslocal dynamodb create-table --table-name ${P}answer-feedback --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=day,AttributeType=S AttributeName=signalKey,AttributeType=S \
  --key-schema AttributeName=day,KeyType=HASH AttributeName=signalKey,KeyType=RANGE
awslocal dynamodb update-time-to-live --table-name ${P}answer-feedback \
  --time-to-live-specification Enabled=true,AttributeName=expiresAt

# citizens' photos on requests (BIANMIN_PHOTOS_BUCKET=bianmin-local-request-photos)
awslocal s3 mb s3://bianmin-local-request-photos

for queue in dispatch reverification device-events; do
  awslocal sqs create-queue --queue-name bianmin-local-${queue}-dlq
  dlq_arn=$(awslocal sqs get-queue-attributes --queue-url "http://localhost:4566/000000000000/bianmin-local-${queue}-dlq" \
    --attribute-names QueueArn --query Attributes.QueueArn --output text)
  awslocal sqs create-queue --queue-name bianmin-local-${queue} \
    --attributes "{\"RedrivePolicy\":\"{\\\"deadLetterTargetArn\\\":\\\"${dlq_arn}\\\",\\\"maxReceiveCount\\\":\\\"5\\\"}\"}"
done
echo "bianmin resources ready"
