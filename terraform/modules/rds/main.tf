# One PostgreSQL 15 instance owned by one service: its database, its master user (password in Secrets Manager,
# rotated by RDS every 7 days; for migrations by an operator and the one-off task that creates the service's own
# login, never for the service itself), reachable only from that service's tasks, TLS enforced, alarms to SNS.

resource "aws_db_subnet_group" "this" {
  name       = var.identifier
  subnet_ids = var.subnet_ids
}

resource "aws_security_group" "this" {
  name        = "${var.identifier}-db"
  description = "PostgreSQL of ${var.identifier}: its service only"
  vpc_id      = var.vpc_id

  tags = {
    Name = "${var.identifier}-db"
  }
}

resource "aws_vpc_security_group_ingress_rule" "postgres" {
  for_each = var.allowed_security_groups

  security_group_id            = aws_security_group.this.id
  description                  = "PostgreSQL from ${each.key}"
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_db_parameter_group" "this" {
  name   = var.identifier
  family = "postgres15"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  parameter {
    name  = "log_min_duration_statement"
    value = "500"
  }

  # The seat ledger's lock waits are bounded by the service (lock_timeout); log the ones that still take long.
  parameter {
    name  = "log_lock_waits"
    value = "1"
  }
}

resource "aws_db_instance" "this" {
  identifier     = var.identifier
  engine         = "postgres"
  engine_version = "15"
  instance_class = var.instance_class

  db_name                     = var.database_name
  username                    = var.username
  manage_master_user_password = true

  allocated_storage     = var.allocated_storage_gb
  max_allocated_storage = var.max_allocated_storage_gb
  storage_type          = "gp3"
  storage_encrypted     = true

  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [aws_security_group.this.id]
  parameter_group_name   = aws_db_parameter_group.this.name
  publicly_accessible    = false
  multi_az               = var.multi_az

  backup_retention_period    = var.backup_retention_days
  copy_tags_to_snapshot      = true
  deletion_protection        = var.deletion_protection
  skip_final_snapshot        = !var.deletion_protection
  final_snapshot_identifier  = var.deletion_protection ? "${var.identifier}-final" : null
  auto_minor_version_upgrade = true
  # Not offered on the smallest classes.
  performance_insights_enabled = !can(regex("\\.(micro|small)$", var.instance_class))
  apply_immediately            = false
}

# --- alarms ---------------------------------------------------------------------------------------------------------

locals {
  alarms = {
    cpu = {
      description = "CPU above 80% for 10 minutes", metric = "CPUUtilization", statistic = "Average",
      comparison  = "GreaterThanThreshold", threshold = 80, periods = 10
    }
    free-storage = {
      description = "less than 10% of the allocated storage free", metric = "FreeStorageSpace", statistic = "Minimum",
      comparison  = "LessThanThreshold", threshold = var.allocated_storage_gb * 1024 * 1024 * 1024 * 0.1, periods = 5
    }
    free-memory = {
      description = "less than 128 MiB freeable memory", metric = "FreeableMemory", statistic = "Minimum",
      comparison  = "LessThanThreshold", threshold = 128 * 1024 * 1024, periods = 10
    }
    connections = {
      description = "more than 80% of max_connections in use (pools of too many replicas)", metric = "DatabaseConnections",
      statistic   = "Maximum", comparison = "GreaterThanThreshold", threshold = var.connection_alarm_threshold, periods = 5
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "this" {
  for_each = local.alarms

  alarm_name          = "${var.identifier}-db-${each.key}"
  alarm_description   = "RDS ${var.identifier}: ${each.value.description}."
  namespace           = "AWS/RDS"
  metric_name         = each.value.metric
  dimensions          = { DBInstanceIdentifier = aws_db_instance.this.identifier }
  statistic           = each.value.statistic
  period              = 60
  evaluation_periods  = each.value.periods
  comparison_operator = each.value.comparison
  threshold           = each.value.threshold
  treat_missing_data  = "missing"
  alarm_actions       = [var.alarm_topic_arn]
  ok_actions          = [var.alarm_topic_arn]
}
