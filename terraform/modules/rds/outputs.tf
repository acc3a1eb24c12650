output "address" {
  description = "Host name of the instance."
  value       = aws_db_instance.this.address
}

output "port" {
  description = "Port of the instance."
  value       = aws_db_instance.this.port
}

output "username" {
  description = "Master user name."
  value       = aws_db_instance.this.username
}

output "database_name" {
  description = "The service's database."
  value       = aws_db_instance.this.db_name
}

output "master_user_secret_arn" {
  description = "Secrets Manager secret (JSON with username and password) RDS keeps the master password in."
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}

output "security_group_id" {
  description = "Security group of the instance."
  value       = aws_security_group.this.id
}

output "identifier" {
  description = "Identifier of the instance (CloudWatch dimension DBInstanceIdentifier)."
  value       = aws_db_instance.this.identifier
}
