output "bootstrap_brokers_tls" {
  description = "TLS bootstrap servers (SPRING_KAFKA_BOOTSTRAP_SERVERS)."
  value       = aws_msk_cluster.this.bootstrap_brokers_tls
}

output "broker_count" {
  description = "Number of brokers."
  value       = local.broker_count
}

output "security_group_id" {
  description = "Security group of the brokers."
  value       = aws_security_group.this.id
}

output "cluster_name" {
  description = "Name of the cluster (CloudWatch dimension \"Cluster Name\")."
  value       = aws_msk_cluster.this.cluster_name
}
