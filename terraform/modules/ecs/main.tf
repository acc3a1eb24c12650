# ECS Fargate: one task definition and one service per module, each with its own security group, log group,
# execution role (pulls its own image, reads its own secrets) and task role; CPU target tracking for every service
# and ALB request count for the public one; Cloud Map DNS (<service>.<namespace>) for the service-to-service calls.

data "aws_caller_identity" "current" {}

locals {
  public_services = { for name, svc in var.services : name => svc if svc.public }
  # Security group rules: (target service, source service) pairs from allow_from.
  service_ingress = merge([
    for name, svc in var.services : {
      for source in svc.allow_from : "${name}<-${source}" => { target = name, source = source }
    }
  ]...)
}

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

resource "aws_service_discovery_service" "this" {
  for_each = var.services

  name = each.key

  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.this.id
    routing_policy = "MULTIVALUE"

    dns_records {
      type = "A"
      ttl  = 10
    }
  }

  health_check_custom_config {}
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
  description       = "Data stores, other services, SES, ECR/SSM/Logs through NAT"
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

resource "aws_vpc_security_group_ingress_rule" "from_service" {
  for_each = local.service_ingress

  security_group_id            = aws_security_group.service[each.value.target].id
  description                  = "From ${each.value.source}"
  referenced_security_group_id = aws_security_group.service[each.value.source].id
  ip_protocol                  = "tcp"
  from_port                    = var.services[each.value.target].port
  to_port                      = var.services[each.value.target].port
}

# --- logs and IAM ---------------------------------------------------------------------------------------------------

resource "aws_cloudwatch_log_group" "service" {
  for_each = var.services

  name              = "/ecs/${var.name}/${each.key}"
  retention_in_days = var.log_retention_days
}

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

# Execution role: what ECS needs to start the task, and nothing of another service.
resource "aws_iam_role" "execution" {
  for_each = var.services

  name               = "${var.name}-${each.key}-execution"
  assume_role_policy = data.aws_iam_policy_document.assume_ecs_tasks.json
}

data "aws_iam_policy_document" "execution" {
  for_each = var.services

  statement {
    sid       = "EcrAuth"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid       = "PullOwnImage"
    actions   = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    resources = [var.repository_arns[each.key]]
  }

  statement {
    sid       = "OwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.service[each.key].arn}:*"]
  }

  dynamic "statement" {
    for_each = length(each.value.ssm_parameter_arns) > 0 ? [1] : []

    content {
      sid       = "OwnParameters"
      actions   = ["ssm:GetParameters"]
      resources = each.value.ssm_parameter_arns
    }
  }

  dynamic "statement" {
    for_each = length(each.value.secrets_manager_arns) > 0 ? [1] : []

    content {
      sid       = "OwnSecrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = each.value.secrets_manager_arns
    }
  }
}

resource "aws_iam_role_policy" "execution" {
  for_each = var.services

  name   = "start-${each.key}"
  role   = aws_iam_role.execution[each.key].id
  policy = data.aws_iam_policy_document.execution[each.key].json
}

# Task role: the application's own AWS permissions. The services call no AWS API (SES is used over SMTP), so it is
# empty unless ECS Exec is enabled.
resource "aws_iam_role" "task" {
  for_each = var.services

  name               = "${var.name}-${each.key}-task"
  assume_role_policy = data.aws_iam_policy_document.assume_ecs_tasks.json
}

resource "aws_iam_role_policy" "task_exec" {
  for_each = var.enable_execute_command ? var.services : {}

  name = "ecs-exec"
  role = aws_iam_role.task[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Action = [
          "ssmmessages:CreateControlChannel",
          "ssmmessages:CreateDataChannel",
          "ssmmessages:OpenControlChannel",
          "ssmmessages:OpenDataChannel",
        ]
        Resource = "*"
      },
    ]
  })
}

# --- task definitions and services ----------------------------------------------------------------------------------

resource "aws_ecs_task_definition" "service" {
  for_each = var.services

  family                   = "${var.name}-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  execution_role_arn       = aws_iam_role.execution[each.key].arn
  task_role_arn            = aws_iam_role.task[each.key].arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  # The root file system is read-only; the JVM and the web server write to /tmp only.
  volume {
    name = "tmp"
  }

  container_definitions = jsonencode([
    {
      name                   = each.key
      image                  = "${var.repository_urls[each.key]}:${each.value.image_tag}"
      essential              = true
      user                   = "10001:10001"
      readonlyRootFilesystem = true
      stopTimeout            = 45
      portMappings = [
        {
          name          = "http"
          containerPort = each.value.port
          protocol      = "tcp"
        },
      ]
      environment = [for key in sort(keys(each.value.environment)) : { name = key, value = each.value.environment[key] }]
      secrets     = [for key in sort(keys(each.value.secrets)) : { name = key, valueFrom = each.value.secrets[key] }]
      mountPoints = [
        {
          sourceVolume  = "tmp"
          containerPath = "/tmp"
          readOnly      = false
        },
      ]
      healthCheck = {
        command     = ["CMD-SHELL", "curl -fsS -o /dev/null http://127.0.0.1:${each.value.port}${each.value.health_check_path} || exit 1"]
        interval    = 15
        timeout     = 5
        retries     = 3
        startPeriod = 120
      }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.service[each.key].name
          awslogs-region        = var.aws_region
          awslogs-stream-prefix = each.key
        }
      }
    },
  ])
}

resource "aws_ecs_service" "service" {
  for_each = var.services

  name                   = each.key
  cluster                = aws_ecs_cluster.this.id
  task_definition        = aws_ecs_task_definition.service[each.key].arn
  desired_count          = each.value.desired_count
  launch_type            = "FARGATE"
  platform_version       = "LATEST"
  enable_execute_command = var.enable_execute_command
  propagate_tags         = "SERVICE"

  # A roll-out starts new tasks before stopping old ones and rolls back by itself when they never get healthy.
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.service[each.key].id]
    assign_public_ip = false
  }

  service_registries {
    registry_arn = aws_service_discovery_service.this[each.key].arn
  }

  dynamic "load_balancer" {
    for_each = each.value.public ? [1] : []

    content {
      target_group_arn = var.alb_target_group_arn
      container_name   = each.key
      container_port   = each.value.port
    }
  }

  health_check_grace_period_seconds = each.value.public ? 120 : null

  lifecycle {
    # Autoscaling owns the count after the first apply.
    ignore_changes = [desired_count]
  }
}

# --- autoscaling ----------------------------------------------------------------------------------------------------

resource "aws_appautoscaling_target" "service" {
  for_each = var.services

  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.service[each.key].name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = each.value.min_count
  max_capacity       = each.value.max_count
}

resource "aws_appautoscaling_policy" "cpu" {
  for_each = var.services

  name               = "${each.key}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.service[each.key].service_namespace
  resource_id        = aws_appautoscaling_target.service[each.key].resource_id
  scalable_dimension = aws_appautoscaling_target.service[each.key].scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = each.value.cpu_target
    scale_out_cooldown = 30
    scale_in_cooldown  = 300

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "alb_requests" {
  for_each = local.public_services

  name               = "${each.key}-alb-requests"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.service[each.key].service_namespace
  resource_id        = aws_appautoscaling_target.service[each.key].resource_id
  scalable_dimension = aws_appautoscaling_target.service[each.key].scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.alb_requests_per_target
    scale_out_cooldown = 30
    scale_in_cooldown  = 300

    predefined_metric_specification {
      predefined_metric_type = "ALBRequestCountPerTarget"
      resource_label         = var.alb_request_count_label
    }
  }
}

# --- one-off: Kafka topics (aws ecs run-task, see the kafka_topics_run_task output) ---------------------------------

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
