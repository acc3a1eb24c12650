output "repository_urls" {
  description = "Repository URL per service (push images here)."
  value       = { for name, repository in aws_ecr_repository.this : name => repository.repository_url }
}

output "repository_arns" {
  description = "Repository ARN per service (for the task execution roles)."
  value       = { for name, repository in aws_ecr_repository.this : name => repository.arn }
}
