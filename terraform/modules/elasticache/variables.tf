variable "name" {
  description = "Name prefix of the replication group."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the cache."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets of the cache subnet group."
  type        = list(string)
}

variable "allowed_security_groups" {
  description = "Security groups allowed to connect on 6379, keyed by service name (static keys; the IDs may be unknown until apply)."
  type        = map(string)
}

variable "node_type" {
  description = "ElastiCache node type."
  type        = string
}

variable "engine_version" {
  description = "Redis engine version."
  type        = string
  default     = "7.1"

  validation {
    condition     = startswith(var.engine_version, "7.")
    error_message = "MClass runs on Redis 7 (engine_version 7.x)."
  }
}

variable "replicas" {
  description = "Read replicas besides the primary (at least 1 for automatic failover)."
  type        = number
  default     = 1

  validation {
    condition     = var.replicas >= 1 && var.replicas <= 5
    error_message = "replicas must be between 1 and 5."
  }
}

variable "auth_token" {
  description = "AUTH token clients present (SPRING_DATA_REDIS_PASSWORD); 16-128 printable characters."
  type        = string
  sensitive   = true
}
