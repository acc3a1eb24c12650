# Alarms that reach someone: every alarm of this stack and of the service stacks notifies one SNS topic, either the
# operator's (alarm_topic_arn: PagerDuty, Opsgenie, Chatbot, ...) or one created here with an optional e-mail
# subscription. The application-level rules (error ratios with traffic floors, outbox lag, dead letters, Redis
# outages as the services see them) are Prometheus rules (observability/, helm PrometheusRule); these are the AWS
# side: the load balancer, Redis, Kafka dead-letter topics, the databases and the tasks (service stacks).

resource "aws_sns_topic" "alarms" {
  count = var.alarm_topic_arn == "" ? 1 : 0

  name = "${local.name}-alarms"
}

resource "aws_sns_topic_subscription" "alarm_email" {
  count = var.alarm_topic_arn == "" && var.alarm_email != "" ? 1 : 0

  topic_arn = aws_sns_topic.alarms[0].arn
  protocol  = "email"
  endpoint  = var.alarm_email
}

locals {
  alarm_topic_arn    = var.alarm_topic_arn != "" ? var.alarm_topic_arn : aws_sns_topic.alarms[0].arn
  alb_dimensions     = { LoadBalancer = module.alb.arn_suffix }
  dead_letter_topics = [for topic in local.platform.kafka_topics : topic.name if endswith(topic.name, ".DLT")]
}

# 5xx answered by the gateway or the ALB, as a share of all requests, only when there is traffic to judge: at least
# var.alarm_min_requests_per_minute requests (a single failed request at 3 a.m. is not 100% errors).
resource "aws_cloudwatch_metric_alarm" "alb_5xx_ratio" {
  alarm_name          = "${local.name}-api-5xx-ratio"
  alarm_description   = "More than 2% of API requests answered 5xx for 5 minutes (with at least ${var.alarm_min_requests_per_minute} requests a minute)."
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0.02
  evaluation_periods  = 5
  treat_missing_data  = "notBreaching"
  alarm_actions       = [local.alarm_topic_arn]
  ok_actions          = [local.alarm_topic_arn]

  metric_query {
    id          = "ratio"
    expression  = "IF(requests >= ${var.alarm_min_requests_per_minute}, (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests, 0)"
    label       = "5xx share"
    return_data = true
  }

  metric_query {
    id = "requests"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "RequestCount"
      dimensions  = local.alb_dimensions
      stat        = "Sum"
      period      = 60
    }
  }

  metric_query {
    id = "target5xx"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_Target_5XX_Count"
      dimensions  = local.alb_dimensions
      stat        = "Sum"
      period      = 60
    }
  }

  metric_query {
    id = "elb5xx"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_ELB_5XX_Count"
      dimensions  = local.alb_dimensions
      stat        = "Sum"
      period      = 60
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "gateway_unhealthy_targets" {
  alarm_name          = "${local.name}-gateway-unhealthy-targets"
  alarm_description   = "A gateway task fails the ALB health check (readiness on the management port)."
  namespace           = "AWS/ApplicationELB"
  metric_name         = "UnHealthyHostCount"
  dimensions          = { LoadBalancer = module.alb.arn_suffix, TargetGroup = module.alb.target_group_arn_suffix }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = [local.alarm_topic_arn]
  ok_actions          = [local.alarm_topic_arn]
}

# Redis carries sessions, revocations and rate limits: memory pressure means evictions, CPU means slow answers.
resource "aws_cloudwatch_metric_alarm" "redis" {
  for_each = {
    memory    = { metric = "DatabaseMemoryUsagePercentage", threshold = 80, description = "memory above 80% (evictions next)" }
    cpu       = { metric = "EngineCPUUtilization", threshold = 80, description = "engine CPU above 80%" }
    evictions = { metric = "Evictions", threshold = 0, description = "keys evicted (sessions or rate-limit buckets lost)" }
  }

  alarm_name          = "${local.name}-redis-${each.key}"
  alarm_description   = "Redis ${each.value.description}."
  namespace           = "AWS/ElastiCache"
  metric_name         = each.value.metric
  dimensions          = { ReplicationGroupId = module.elasticache.replication_group_id }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = [local.alarm_topic_arn]
  ok_actions          = [local.alarm_topic_arn]
}

# A message on a dead-letter topic is an event some consumer gave up on: someone has to look at it.
resource "aws_cloudwatch_metric_alarm" "dead_letters" {
  for_each = toset(local.dead_letter_topics)

  alarm_name          = "${local.name}-dead-letters-${replace(each.key, ".", "-")}"
  alarm_description   = "Messages arrived on ${each.key}: a consumer gave up on an event (see docs/DEPLOYMENT.md, dead letters)."
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  evaluation_periods  = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = [local.alarm_topic_arn]
  ok_actions          = [local.alarm_topic_arn]

  metric_query {
    id          = "dlt"
    expression  = "SELECT SUM(MessagesInPerSec) FROM SCHEMA(\"AWS/Kafka\", \"Broker ID\", \"Cluster Name\", Topic) WHERE \"Cluster Name\" = '${module.msk.cluster_name}' AND Topic = '${each.key}'"
    period      = 300
    return_data = true
  }
}
