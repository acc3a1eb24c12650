variable "name" {
  description = "Name prefix: cluster, services, log groups, roles."
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

variable "private_subnet_ids" {
  description = "Private subnets the tasks run in (no public IP; egress through NAT)."
  type        = list(string)
}

variable "repository_urls" {
  description = "ECR repository URL per service."
  type        = map(string)
}

variable "repository_arns" {
  description = "ECR repository ARN per service (each execution role pulls from its own only)."
  type        = map(string)
}

variable "services" {
  description = "One entry per deployable: task size, counts, port, rendered environment, secrets (env name to SSM/Secrets Manager ARN), the parameter and secret ARNs its execution role may read, allow_from (services whose tasks may connect), public (behind the ALB)."
  type = map(object({
    image_tag            = string
    port                 = number
    cpu                  = number
    memory               = number
    desired_count        = number
    min_count            = number
    max_count            = number
    cpu_target           = number
    public               = bool
    health_check_path    = string
    allow_from           = list(string)
    environment          = map(string)
    secrets              = map(string)
    ssm_parameter_arns   = list(string)
    secrets_manager_arns = list(string)
  }))

  validation {
    condition     = length([for name, svc in var.services : name if svc.public]) == 1
    error_message = "Exactly one service (the gateway) sits behind the ALB."
  }

  validation {
    condition = alltrue([
      for name, svc in var.services : contains(
        lookup({ 256 = [512, 1024, 2048], 512 = [1024, 2048, 3072, 4096], 1024 = [2048, 3072, 4096, 5120, 6144, 7168, 8192], 2048 = [4096, 5120, 6144, 7168, 8192, 9216, 10240, 11264, 12288, 13312, 14336, 15360, 16384] }, svc.cpu, []),
        svc.memory
      )
    ])
    error_message = "Every service needs a Fargate cpu/memory combination (e.g. 512/1024, 1024/2048)."
  }
}

variable "alb_security_group_id" {
  description = "Security group of the ALB (admitted by the public service only)."
  type        = string
}

variable "alb_target_group_arn" {
  description = "Target group the public service registers in."
  type        = string
}

variable "alb_request_count_label" {
  description = "<alb arn suffix>/<target group arn suffix>: the ALBRequestCountPerTarget scaling metric of the public service."
  type        = string
}

variable "alb_requests_per_target" {
  description = "Requests per target (per minute) the public service scales out at."
  type        = number
  default     = 3000
}

variable "service_namespace" {
  description = "Private DNS namespace the services register in (<service>.<namespace>)."
  type        = string
  default     = "mclass.internal"
}

variable "log_retention_days" {
  description = "Retention of the services' log groups."
  type        = number
}

variable "enable_execute_command" {
  description = "Allow ECS Exec into the tasks."
  type        = bool
  default     = false
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
