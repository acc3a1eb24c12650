variable "name" {
  description = "Name of the MSK cluster."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the cluster."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets, one broker per subnet (broker count is a multiple of their number)."
  type        = list(string)
}

variable "allowed_security_groups" {
  description = "Security groups allowed to connect to the TLS listener (9094), keyed by a static name (service or task)."
  type        = map(string)
}

variable "kafka_version" {
  description = "Kafka version of the cluster."
  type        = string
}

variable "broker_instance_type" {
  description = "Broker instance type."
  type        = string
}

variable "brokers_per_subnet" {
  description = "Brokers in each subnet."
  type        = number
  default     = 1
}

variable "broker_volume_gb" {
  description = "EBS volume per broker (GiB)."
  type        = number
}

variable "log_retention_days" {
  description = "Retention of the broker logs in CloudWatch."
  type        = number
  default     = 30
}
