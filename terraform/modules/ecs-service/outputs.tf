output "service_name" {
  description = "ECS service name."
  value       = aws_ecs_service.this.name
}

output "task_definition_arn" {
  description = "Task definition the service runs."
  value       = aws_ecs_task_definition.this.arn
}

output "log_group" {
  description = "CloudWatch log group of the service."
  value       = aws_cloudwatch_log_group.this.name
}

output "execution_role_arn" {
  description = "Execution role (one-off tasks of the same service reuse it)."
  value       = aws_iam_role.execution.arn
}

output "task_role_arn" {
  description = "Task role of the service."
  value       = aws_iam_role.task.arn
}
