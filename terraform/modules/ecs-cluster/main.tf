# What the services share on ECS, owned by the shared stack: the cluster, the Cloud Map namespace, one security group
# per service (created here so that the data stores of the shared stack and each service's own database can admit
# it before that service's stack exists) with the service-to-service rules of platform.json, and the one-off task that
# creates the Kafka topics. Each service's task definition, ECS service, roles and alarms live in its own stack
# (terraform/service, one state per service).

locals {
  public_services = { for name, svc in var.services : name => svc if svc.public }
  # Security group rules: (target service, source service) pairs from allow_from.
  service_ingress = merge([
    for name, svc in var.services : {
      for source in svc.allow_from : "${name}<-${source}" => { target = name, source = source }
    }
  ]...)
}

data "aws_caller_identity" "current" {}

resource "aws_ecs_cluster" "this" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }
}

resource "aws_service_discovery_private_dns_namespace" "this" {
  name        = var.service_namespace
  description = "MClass services (<service>.${var.service_namespace})"
  vpc         = var.vpc_id
}

# --- network: each service admits the ALB (public one) or the services listed in its allow_from --------------------

resource "aws_security_group" "service" {
  for_each = var.services

  name        = "${var.name}-${each.key}"
  description = "MClass ${each.key} tasks"
  vpc_id      = var.vpc_id

  tags = {
    Name = "${var.name}-${each.key}"
  }
}

resource "aws_vpc_security_group_egress_rule" "service" {
  for_each = var.services

  security_group_id = aws_security_group.service[each.key].id
  description       = "Data stores, other services, SES, ECR/Secrets Manager/Logs through NAT"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_vpc_security_group_ingress_rule" "from_alb" {
  for_each = local.public_services

  security_group_id            = aws_security_group.service[each.key].id
  description                  = "From the ALB"
  referenced_security_group_id = var.alb_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
}

# The ALB's health check asks the readiness probe on the management port (actuator is not on the public port).
resource "aws_vpc_security_group_ingress_rule" "alb_health_check" {
  for_each = local.public_services

  security_group_id            = aws_security_group.service[each.key].id
  description                  = "ALB health checks (management port)"
  referenced_security_group_id = var.alb_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = each.value.management_port
  to_port                      = each.value.management_port
}

resource "aws_vpc_security_group_ingress_rule" "from_service" {
  for_each = local.service_ingress

  security_group_id            = aws_security_group.service[each.value.target].id
  description                  = "From ${each.value.source}"
  referenced_security_group_id = aws_security_group.service[each.value.source].id
  ip_protocol                  = "tcp"
  from_port                    = var.services[each.value.target].port
  to_port                      = var.services[each.value.target].port
}

# --- one-off: Kafka topics (aws ecs run-task, see the kafka_topics_run_task output) ---------------------------------

data "aws_iam_policy_document" "assume_ecs_tasks" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_cloudwatch_log_group" "kafka_topics" {
  name              = "/ecs/${var.name}/kafka-topics"
  retention_in_days = var.log_retention_days
}

resource "aws_iam_role" "kafka_topics_execution" {
  name               = "${var.name}-kafka-topics-execution"
  assume_role_policy = data.aws_iam_policy_document.assume_ecs_tasks.json
}

resource "aws_iam_role_policy" "kafka_topics_execution" {
  name = "logs"
  role = aws_iam_role.kafka_topics_execution.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.kafka_topics.arn}:*"
      },
    ]
  })
}

resource "aws_security_group" "kafka_topics" {
  name        = "${var.name}-kafka-topics"
  description = "MClass one-off topic creation task (egress only)"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "kafka_topics" {
  security_group_id = aws_security_group.kafka_topics.id
  description       = "To the brokers and the image registry"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_ecs_task_definition" "kafka_topics" {
  family                   = "${var.name}-kafka-topics"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 1024
  execution_role_arn       = aws_iam_role.kafka_topics_execution.arn

  container_definitions = jsonencode([
    {
      name       = "kafka-topics"
      image      = var.kafka_image
      essential  = true
      entryPoint = ["/bin/sh", "-ec"]
      command = [join("\n", concat(
        ["printf 'security.protocol=SSL\\n' > /tmp/client.properties"],
        [for topic in var.kafka_topics : "/opt/kafka/bin/kafka-topics.sh --bootstrap-server \"$BOOTSTRAP\" --command-config /tmp/client.properties --create --if-not-exists --topic ${topic.name} --partitions ${topic.partitions} --replication-factor ${var.kafka_replication}"],
        ["/opt/kafka/bin/kafka-topics.sh --bootstrap-server \"$BOOTSTRAP\" --command-config /tmp/client.properties --list"],
      ))]
      environment = [{ name = "BOOTSTRAP", value = var.kafka_bootstrap_servers }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.kafka_topics.name
          awslogs-region        = var.aws_region
          awslogs-stream-prefix = "kafka-topics"
        }
      }
    },
  ])
}
