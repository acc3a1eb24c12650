output "primary_endpoint" {
  description = "Primary endpoint host (SPRING_DATA_REDIS_HOST)."
  value       = aws_elasticache_replication_group.this.primary_endpoint_address
}

output "port" {
  description = "Redis port."
  value       = aws_elasticache_replication_group.this.port
}

output "security_group_id" {
  description = "Security group of the cache."
  value       = aws_security_group.this.id
}

output "replication_group_id" {
  description = "Replication group (its nodes are <id>-001, <id>-002, ...: CloudWatch dimension CacheClusterId)."
  value       = aws_elasticache_replication_group.this.id
}

output "member_clusters" {
  description = "Node ids of the replication group (CloudWatch dimension CacheClusterId)."
  value       = aws_elasticache_replication_group.this.member_clusters
}
