variable "name" {
  description = "Name prefix: cluster, security groups, the topic task."
  type        = string
}

variable "aws_region" {
  description = "Region of the log groups (awslogs driver)."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the tasks."
  type        = string
}

variable "services" {
  description = "One entry per deployable: its port, management port (actuator), whether it sits behind the ALB, and the services whose tasks may connect to it."
  type = map(object({
    port            = number
    management_port = number
    public          = bool
    allow_from      = list(string)
  }))

  validation {
    condition     = length([for name, svc in var.services : name if svc.public]) == 1
    error_message = "Exactly one service (the gateway) sits behind the ALB."
  }
}

variable "alb_security_group_id" {
  description = "Security group of the ALB (admitted by the public service only)."
  type        = string
}

variable "service_namespace" {
  description = "Private DNS namespace the services register in (<service>.<namespace>)."
  type        = string
  default     = "mclass.internal"
}

variable "log_retention_days" {
  description = "Retention of the topic task's log group."
  type        = number
}

variable "kafka_bootstrap_servers" {
  description = "TLS bootstrap servers for the one-off kafka-topics task."
  type        = string
}

variable "kafka_topics" {
  description = "Topics the kafka-topics task creates (name, partitions)."
  type = list(object({
    name       = string
    partitions = number
  }))
}

variable "kafka_replication" {
  description = "Replication factor of the topics."
  type        = number
}

variable "kafka_image" {
  description = "Image with kafka-topics.sh for the one-off topic task."
  type        = string
  default     = "apache/kafka:4.1.1"
}

variable "private_subnet_ids" {
  description = "Private subnets (for the run-task command of the topic task)."
  type        = list(string)
}
