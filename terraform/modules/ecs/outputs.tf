output "cluster_name" {
  description = "Name of the ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "service_names" {
  description = "ECS service name per module."
  value       = { for name, service in aws_ecs_service.service : name => service.name }
}

output "security_group_ids" {
  description = "Security group of each service's tasks (the data stores admit these)."
  value       = { for name, group in aws_security_group.service : name => group.id }
}

output "service_namespace" {
  description = "Private DNS namespace of the services (<service>.<namespace>)."
  value       = aws_service_discovery_private_dns_namespace.this.name
}

output "log_groups" {
  description = "CloudWatch log group per service."
  value       = { for name, group in aws_cloudwatch_log_group.service : name => group.name }
}

output "kafka_topics_task_definition" {
  description = "Task definition of the one-off topic creation task."
  value       = aws_ecs_task_definition.kafka_topics.arn
}

output "kafka_topics_run_task" {
  description = "Command that creates the Kafka topics (idempotent; run once after the first apply and after adding topics)."
  value = join(" ", [
    "aws ecs run-task --cluster ${aws_ecs_cluster.this.name} --launch-type FARGATE",
    "--task-definition ${aws_ecs_task_definition.kafka_topics.arn}",
    "--network-configuration 'awsvpcConfiguration={subnets=[${join(",", var.private_subnet_ids)}],securityGroups=[${aws_security_group.kafka_topics.id}],assignPublicIp=DISABLED}'",
  ])
}

output "kafka_topics_security_group_id" {
  description = "Security group of the one-off topic task (the brokers admit it)."
  value       = aws_security_group.kafka_topics.id
}
