variable "name" {
  description = "Name prefix (<project>-<environment>): roles, log group, task family."
  type        = string
}

variable "service" {
  description = "The deployable (gateway, auth-service, ...)."
  type        = string
}

variable "aws_region" {
  description = "Region of the log group (awslogs driver)."
  type        = string
}

variable "cluster_arn" {
  description = "ECS cluster of the platform (shared stack)."
  type        = string
}

variable "cluster_name" {
  description = "Name of that cluster (metric dimensions, autoscaling resource id)."
  type        = string
}

variable "namespace_id" {
  description = "Cloud Map namespace the service registers in (<service>.<namespace>)."
  type        = string
}

variable "private_subnet_ids" {
  description = "Private subnets the tasks run in (no public IP; egress through NAT)."
  type        = list(string)
}

variable "security_group_id" {
  description = "The service's security group (shared stack: the data stores admit it)."
  type        = string
}

variable "repository_url" {
  description = "ECR repository of the service's image."
  type        = string
}

variable "repository_arn" {
  description = "ARN of that repository (the execution role pulls from it only)."
  type        = string
}

variable "image_tag" {
  description = "Image tag to run."
  type        = string
}

variable "port" {
  description = "HTTP port of the API."
  type        = number
}

variable "management_port" {
  description = "Port of actuator (probes, metrics); never behind the public listener."
  type        = number
}

variable "cpu" {
  description = "Fargate CPU units."
  type        = number
}

variable "memory" {
  description = "Fargate memory (MiB)."
  type        = number

  validation {
    condition     = var.memory >= 512
    error_message = "memory must be at least 512 MiB."
  }
}

variable "desired_count" {
  description = "Initial task count (autoscaling owns it afterwards)."
  type        = number
}

variable "min_count" {
  description = "Autoscaling minimum; fewer running tasks raise an alarm."
  type        = number
}

variable "max_count" {
  description = "Autoscaling maximum."
  type        = number
}

variable "cpu_target" {
  description = "Average CPU percentage autoscaling keeps."
  type        = number
}

variable "health_check_path" {
  description = "Readiness probe path on the management port."
  type        = string
}

variable "environment" {
  description = "Environment variables of the container."
  type        = map(string)
}

variable "secrets" {
  description = "Environment variable to Secrets Manager reference (ARN, optionally with :json-key::)."
  type        = map(string)
}

variable "secret_arns" {
  description = "Secrets the execution role may read (the ARNs behind var.secrets)."
  type        = list(string)
}

variable "task_policy_statements" {
  description = "The application's own AWS permissions (task role)."
  type = list(object({
    sid       = string
    actions   = list(string)
    resources = list(string)
  }))
  default = []
}

variable "sidecars" {
  description = "Additional container definitions of the task (e.g. the SES relay of notification-service); their log configuration is added."
  type        = list(any)
  default     = []
}

variable "target_group_arn" {
  description = "ALB target group to register in (the public service only); empty: none."
  type        = string
  default     = ""
}

variable "alb_request_count_label" {
  description = "<alb arn suffix>/<target group arn suffix>: the ALBRequestCountPerTarget scaling metric (public service only)."
  type        = string
  default     = ""
}

variable "alb_requests_per_target" {
  description = "Requests per target (per minute) the public service scales out at."
  type        = number
  default     = 3000
}

variable "log_retention_days" {
  description = "Retention of the service's log group."
  type        = number
}

variable "enable_execute_command" {
  description = "Allow ECS Exec into the tasks."
  type        = bool
  default     = false
}

variable "alarm_topic_arn" {
  description = "SNS topic every alarm of the service notifies."
  type        = string
}
