variable "identifier" {
  description = "Identifier of the RDS instance (and prefix of its subnet group, parameter group, security group)."
  type        = string
}

variable "database_name" {
  description = "Database created in the instance (the service's own, e.g. mclass_enrollment); Flyway migrates it."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.database_name))
    error_message = "database_name must be a lower-case PostgreSQL identifier."
  }
}

variable "username" {
  description = "Master user name; its password is managed by RDS in Secrets Manager."
  type        = string
}

variable "instance_class" {
  description = "RDS instance class."
  type        = string
}

variable "allocated_storage_gb" {
  description = "Initial storage (GiB); autoscaling may grow it to max_allocated_storage_gb."
  type        = number
  default     = 20
}

variable "max_allocated_storage_gb" {
  description = "Upper bound of storage autoscaling (GiB)."
  type        = number
  default     = 200
}

variable "vpc_id" {
  description = "VPC of the instance."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets of the DB subnet group."
  type        = list(string)
}

variable "allowed_security_groups" {
  description = "Security groups allowed to connect on 5432, keyed by a static name (the owning service): the keys must be known at plan time, the IDs need not be."
  type        = map(string)
}

variable "multi_az" {
  description = "Synchronous standby in another zone."
  type        = bool
  default     = true
}

variable "backup_retention_days" {
  description = "Days of automated backups."
  type        = number
  default     = 7
}

variable "deletion_protection" {
  description = "Protect the instance from deletion and take a final snapshot."
  type        = bool
  default     = true
}

variable "alarm_topic_arn" {
  description = "SNS topic the instance's alarms notify."
  type        = string
}

variable "connection_alarm_threshold" {
  description = "DatabaseConnections above which the connections alarm fires (about 80% of max_connections of the class)."
  type        = number
  default     = 150
}
