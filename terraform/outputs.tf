# What the service stacks (terraform/service) read through terraform_remote_state, and what operators need.

output "name" {
  description = "Name prefix of the platform's resources (<project>-<environment>)."
  value       = local.name
}

output "aws_region" {
  description = "Region of the platform."
  value       = var.aws_region
}

output "api_url" {
  description = "Where the API answers: public_url once its DNS record points at the ALB."
  value       = var.public_url
}

output "alb_dns_name" {
  description = "DNS name of the ALB (target of the public_url record)."
  value       = module.alb.dns_name
}

output "alb_zone_id" {
  description = "Hosted zone of the ALB (Route 53 alias records)."
  value       = module.alb.zone_id
}

output "alb_target_group_arn" {
  description = "Target group the gateway's service registers in."
  value       = module.alb.target_group_arn
}

output "alb_request_count_label" {
  description = "ALBRequestCountPerTarget label of the gateway's target group (its scaling metric)."
  value       = "${module.alb.arn_suffix}/${module.alb.target_group_arn_suffix}"
}

output "ecr_repository_urls" {
  description = "Repository per service: docker push <url>:<tag>."
  value       = module.ecr.repository_urls
}

output "ecr_repository_arns" {
  description = "Repository ARN per service (each service's execution role pulls from its own only)."
  value       = module.ecr.repository_arns
}

output "vpc_id" {
  description = "VPC of the platform."
  value       = module.network.vpc_id
}

output "private_subnet_ids" {
  description = "Private subnets (tasks, databases)."
  value       = module.network.private_subnet_ids
}

output "ecs_cluster_name" {
  description = "ECS cluster of the services."
  value       = module.cluster.cluster_name
}

output "ecs_cluster_arn" {
  description = "ARN of the ECS cluster."
  value       = module.cluster.cluster_arn
}

output "service_namespace_id" {
  description = "Cloud Map namespace each service registers in."
  value       = module.cluster.service_namespace_id
}

output "service_security_group_ids" {
  description = "Security group of each service's tasks."
  value       = module.cluster.security_group_ids
}

output "secret_prefix" {
  description = "Prefix of the platform's Secrets Manager names (<project>/<environment>)."
  value       = "${var.project}/${var.environment}"
}

output "secret_arns" {
  description = "Secrets Manager secret per key (generated and operator-provided ones)."
  value = merge(
    { for key, secret in aws_secretsmanager_secret.generated : key => secret.arn },
    { for key, secret in aws_secretsmanager_secret.operator : key => secret.arn },
  )
}

output "alarm_topic_arn" {
  description = "SNS topic of every alarm (the service stacks' too)."
  value       = local.alarm_topic_arn
}

output "ses_identity_arn" {
  description = "SES sending identity (notification-service's task role may send from it)."
  value       = module.ses.identity_arn
}

output "ses_dkim_records" {
  description = "DNS records that verify the sending domain (already published when route53_zone_id is set)."
  value       = module.ses.dkim_records
}

output "kafka_topics_run_task" {
  description = "Run once after the first apply (and after adding topics): creates the Kafka topics."
  value       = module.cluster.kafka_topics_run_task
}

# Values the environment templates of platform.json use, rendered by each service's stack.
output "template_vars" {
  description = "Platform-wide values of the services' environment templates (platform.json)."
  value = {
    service_namespace       = module.cluster.service_namespace
    redis_host              = module.elasticache.primary_endpoint
    redis_port              = tostring(module.elasticache.port)
    kafka_bootstrap_servers = module.msk.bootstrap_brokers_tls
    public_url              = var.public_url
    web_url                 = var.web_url
    cors_allowed_origins    = var.cors_allowed_origins
    public_subnet_cidrs     = join(",", module.network.public_subnet_cidrs)
    private_subnet_cidrs    = join(",", module.network.private_subnet_cidrs)
    signing_key_id          = var.signing_key_id
    admin_email             = var.admin_email
    mail_from               = var.mail_from
    tracing_sampling        = tostring(var.tracing_sampling)
    otlp_traces_endpoint    = var.otlp_traces_endpoint
  }
}

output "log_retention_days" {
  description = "Retention of the log groups."
  value       = var.log_retention_days
}

output "deletion_protection" {
  description = "Whether data stores and the ALB are protected from deletion."
  value       = var.deletion_protection
}
