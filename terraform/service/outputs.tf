output "service_name" {
  description = "ECS service of this stack."
  value       = module.service.service_name
}

output "task_definition_arn" {
  description = "Task definition the service runs."
  value       = module.service.task_definition_arn
}

output "log_group" {
  description = "CloudWatch log group of the service."
  value       = module.service.log_group
}

output "database_endpoint" {
  description = "PostgreSQL endpoint of the service's own instance (null for the gateway)."
  value       = local.has_db ? "${module.database[0].address}:${module.database[0].port}/${module.database[0].database_name}" : null
}

output "database_login" {
  description = "The service's own login (the master user is for operators and the login task only)."
  value       = local.has_db ? local.database.username : null
}

output "db_login_run_task" {
  description = "Run after the first apply and after rotating the login's password: creates or updates the service's database login."
  value = local.has_db ? join(" ", [
    "aws ecs run-task --cluster ${local.shared.ecs_cluster_name} --launch-type FARGATE",
    "--task-definition ${aws_ecs_task_definition.db_login[0].arn}",
    "--network-configuration 'awsvpcConfiguration={subnets=[${join(",", local.shared.private_subnet_ids)}],securityGroups=[${local.shared.service_security_group_ids[var.service]}],assignPublicIp=DISABLED}'",
  ]) : null
}
