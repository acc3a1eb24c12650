variable "name" {
  description = "Name prefix of the load balancer resources."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the load balancer."
  type        = string
}

variable "public_subnet_ids" {
  description = "Public subnets the load balancer's nodes live in."
  type        = list(string)
}

variable "target_port" {
  description = "Port of the gateway tasks."
  type        = number
}

variable "health_check_port" {
  description = "Port of the targets' readiness probe (the gateway's management port)."
  type        = number
}

variable "health_check_path" {
  description = "Readiness endpoint of the gateway."
  type        = string
  default     = "/actuator/health/readiness"
}

variable "certificate_arn" {
  description = "ACM certificate for HTTPS; empty: plain HTTP listener only."
  type        = string
  default     = ""
}

variable "deletion_protection" {
  description = "Protect the load balancer from deletion."
  type        = bool
  default     = true
}

variable "idle_timeout_seconds" {
  description = "Idle timeout of client connections (above the gateway's 10 s response timeout)."
  type        = number
  default     = 60
}
