variable "name" {
  description = "Name prefix of the network resources."
  type        = string
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC."
  type        = string
}

variable "az_count" {
  description = "Number of availability zones (one public and one private subnet each)."
  type        = number

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 6
    error_message = "az_count must be between 2 and 6."
  }
}

variable "single_nat_gateway" {
  description = "One NAT gateway shared by all private subnets instead of one per zone."
  type        = bool
  default     = false
}
