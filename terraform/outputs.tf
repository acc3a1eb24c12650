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

output "ecr_repository_urls" {
  description = "Repository per service: docker push <url>:<tag>."
  value       = module.ecr.repository_urls
}

output "ecs_cluster_name" {
  description = "ECS cluster of the services."
  value       = module.ecs.cluster_name
}

output "ecs_service_names" {
  description = "ECS service per module."
  value       = module.ecs.service_names
}

output "image_tags" {
  description = "Image tag each service runs."
  value       = { for name, svc in local.ecs_services : name => svc.image_tag }
}

output "log_groups" {
  description = "CloudWatch log group per service."
  value       = module.ecs.log_groups
}

output "rds_endpoints" {
  description = "PostgreSQL endpoint per service (each owns its instance)."
  value       = { for name, db in module.rds : name => "${db.address}:${db.port}/${db.database_name}" }
}

output "redis_endpoint" {
  description = "Primary endpoint of Redis (TLS, AUTH token in SSM)."
  value       = "${module.elasticache.primary_endpoint}:${module.elasticache.port}"
}

output "kafka_bootstrap_brokers_tls" {
  description = "MSK TLS bootstrap servers."
  value       = module.msk.bootstrap_brokers_tls
}

output "kafka_topics_run_task" {
  description = "Run once after the first apply (and after adding topics): creates the Kafka topics."
  value       = module.ecs.kafka_topics_run_task
}

output "ses_dkim_records" {
  description = "DNS records that verify the sending domain (already published when route53_zone_id is set)."
  value       = module.ses.dkim_records
}

output "ssm_parameters" {
  description = "SSM parameters holding the secrets (the OAuth ones must be set by an operator)."
  value       = concat([for parameter in aws_ssm_parameter.generated : parameter.name], [for parameter in aws_ssm_parameter.operator : parameter.name])
}
