variable "service" {
  description = "The service this stack deploys; one state per service (see backend.hcl.example)."
  type        = string

  validation {
    condition     = contains(["gateway", "auth-service", "class-service", "enrollment-service", "notification-service"], var.service)
    error_message = "service must be one of gateway, auth-service, class-service, enrollment-service, notification-service."
  }
}

variable "aws_region" {
  description = "AWS region of the platform (the shared stack's)."
  type        = string
  default     = "ap-northeast-2"
}

variable "state_bucket" {
  description = "S3 bucket holding the shared stack's state (read-only here)."
  type        = string
}

variable "shared_state_key" {
  description = "Key of the shared stack's state in that bucket, e.g. mclass/prod/shared.tfstate."
  type        = string
}

variable "image_tag" {
  description = "Image tag to run (ECR tags are immutable: every roll-out names a new one)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", var.image_tag))
    error_message = "image_tag must be a valid Docker tag."
  }
}

variable "desired_count" {
  description = "Initial task count; null: platform.json's (autoscaling owns the count afterwards)."
  type        = number
  default     = null
}

variable "db_instance_class" {
  description = "RDS instance class; empty: platform.json's."
  type        = string
  default     = ""
}

variable "db_multi_az" {
  description = "Multi-AZ standby for the service's RDS instance."
  type        = bool
  default     = true
}

variable "db_backup_retention_days" {
  description = "Days of automated RDS backups."
  type        = number
  default     = 7

  validation {
    condition     = var.db_backup_retention_days >= 1 && var.db_backup_retention_days <= 35
    error_message = "db_backup_retention_days must be between 1 and 35."
  }
}

variable "enable_execute_command" {
  description = "Allow `aws ecs execute-command` into the tasks."
  type        = bool
  default     = false
}

variable "ses_relay_image" {
  description = "SMTP-to-SES-API relay run next to notification-service (uses the task role, no SMTP password). Mirror it into your ECR and pin it by digest."
  type        = string
  default     = "blueimp/aws-smtp-relay:latest"
}

variable "postgres_client_image" {
  description = "Image with psql for the one-off task that creates the service's database login."
  type        = string
  default     = "postgres:15"
}
