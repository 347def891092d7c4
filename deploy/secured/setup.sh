#!/bin/sh
# Run once by the kafka-secured-init service of docker-compose.yml (apache/kafka image), as the broker's
# administrator: creates Sessionflow's SCRAM user and grants it what a pipeline needs and an analyst's read of the
# events (the demo prints them), nothing more. The ACL lines are what these print (a test keeps them equal):
#   java -jar sessionflow.jar acls --role pipeline --principal User:sessionflow
#   java -jar sessionflow.jar acls --role analyst --principal User:sessionflow
set -e
cd /etc/sessionflow
BOOTSTRAP=kafka-secured:29093
PATH=/opt/kafka/bin:$PATH
kafka-configs.sh --bootstrap-server "$BOOTSTRAP" --command-config admin.properties --alter --entity-type users \
  --entity-name sessionflow --add-config "SCRAM-SHA-512=[password=$(cat /run/secrets/sessionflow_kafka_password)]"
# pipeline User:sessionflow: run as a Kafka administrator (admin.properties: its client settings)
kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config admin.properties --add --allow-principal 'User:sessionflow' --operation Create --operation DescribeConfigs --operation Write --topic sessions.events
kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config admin.properties --add --allow-principal 'User:sessionflow' --operation Create --operation DescribeConfigs --operation Write --topic sessions.raw
kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config admin.properties --add --allow-principal 'User:sessionflow' --operation Create --operation DescribeConfigs --operation Write --topic sessions.dlq
kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config admin.properties --add --allow-principal 'User:sessionflow' --operation Create --operation DescribeConfigs --operation Read --operation Write --topic sessions.state
kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config admin.properties --add --allow-principal 'User:sessionflow' --operation Create --operation DescribeConfigs --operation Write --topic sessions.watermarks
kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config admin.properties --add --allow-principal 'User:sessionflow' --operation Create --operation DescribeConfigs --operation Read --topic sessionflow.shards
kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config admin.properties --add --allow-principal 'User:sessionflow' --operation Create --operation DescribeConfigs --operation Read --topic sessionflow.accounts
kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config admin.properties --add --allow-principal 'User:sessionflow' --operation Read --group sessionflow-sessionflow
kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config admin.properties --add --allow-principal 'User:sessionflow' --operation Write --resource-pattern-type prefixed --transactional-id sessionflow-sessionflow-shard-
# analyst User:sessionflow: run as a Kafka administrator (admin.properties: its client settings)
kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config admin.properties --add --allow-principal 'User:sessionflow' --operation Read --topic sessions.events
kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config admin.properties --add --allow-principal 'User:sessionflow' --operation Read --topic sessions.watermarks
kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config admin.properties --add --allow-principal 'User:sessionflow' --operation Create --operation Write --resource-pattern-type prefixed --topic sessions.events.copy.
