# Kafka (MSK): TLS between clients and brokers (SPRING_KAFKA_SECURITY_PROTOCOL=SSL, port 9094) and inside the cluster,
# no topic auto-creation (the ECS module's kafka-topics task creates them), three-way replication with
# min.insync.replicas 2 for the idempotent, acks=all producers of the outbox relays.

locals {
  broker_count = length(var.subnet_ids) * var.brokers_per_subnet
  replication  = min(3, local.broker_count)
}

resource "aws_security_group" "this" {
  name        = "${var.name}-kafka"
  description = "MClass Kafka: the services only"
  vpc_id      = var.vpc_id

  tags = {
    Name = "${var.name}-kafka"
  }
}

resource "aws_vpc_security_group_ingress_rule" "tls" {
  for_each = var.allowed_security_groups

  security_group_id            = aws_security_group.this.id
  description                  = "Kafka TLS from ${each.key}"
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = 9094
  to_port                      = 9094
}

resource "aws_msk_configuration" "this" {
  name           = var.name
  kafka_versions = [var.kafka_version]

  server_properties = <<-PROPERTIES
    auto.create.topics.enable=false
    default.replication.factor=${local.replication}
    min.insync.replicas=${max(1, local.replication - 1)}
    num.partitions=3
    unclean.leader.election.enable=false
    offsets.topic.replication.factor=${local.replication}
    transaction.state.log.replication.factor=${local.replication}
  PROPERTIES
}

resource "aws_cloudwatch_log_group" "broker" {
  name              = "/msk/${var.name}"
  retention_in_days = var.log_retention_days
}

resource "aws_msk_cluster" "this" {
  cluster_name           = var.name
  kafka_version          = var.kafka_version
  number_of_broker_nodes = local.broker_count
  # Per-topic metrics: the dead-letter alarms of the shared stack count messages arriving on the *.DLT topics.
  enhanced_monitoring = "PER_TOPIC_PER_BROKER"

  broker_node_group_info {
    instance_type   = var.broker_instance_type
    client_subnets  = var.subnet_ids
    security_groups = [aws_security_group.this.id]

    storage_info {
      ebs_storage_info {
        volume_size = var.broker_volume_gb
      }
    }
  }

  configuration_info {
    arn      = aws_msk_configuration.this.arn
    revision = aws_msk_configuration.this.latest_revision
  }

  encryption_info {
    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }

  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = true
        log_group = aws_cloudwatch_log_group.broker.name
      }
    }
  }
}
