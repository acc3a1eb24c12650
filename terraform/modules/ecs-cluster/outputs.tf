output "cluster_name" {
  description = "Name of the ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "cluster_arn" {
  description = "ARN of the ECS cluster."
  value       = aws_ecs_cluster.this.arn
}

output "security_group_ids" {
  description = "Security group of each service's tasks (the data stores admit these)."
  value       = { for name, group in aws_security_group.service : name => group.id }
}

output "service_namespace" {
  description = "Private DNS namespace of the services (<service>.<namespace>)."
  value       = aws_service_discovery_private_dns_namespace.this.name
}

output "service_namespace_id" {
  description = "ID of the Cloud Map namespace (each service stack registers its service in it)."
  value       = aws_service_discovery_private_dns_namespace.this.id
}

output "kafka_topics_security_group_id" {
  description = "Security group of the one-off topic task (the brokers admit it)."
  value       = aws_security_group.kafka_topics.id
}

output "kafka_topics_run_task" {
  description = "Command that creates the Kafka topics (idempotent; run once after the first apply and after adding topics)."
  value = join(" ", [
    "aws ecs run-task --cluster ${aws_ecs_cluster.this.name} --launch-type FARGATE",
    "--task-definition ${aws_ecs_task_definition.kafka_topics.arn}",
    "--network-configuration 'awsvpcConfiguration={subnets=[${join(",", var.private_subnet_ids)}],securityGroups=[${aws_security_group.kafka_topics.id}],assignPublicIp=DISABLED}'",
  ])
}
