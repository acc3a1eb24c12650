variable "project" {
  description = "Name prefix of every resource."
  type        = string
  default     = "mclass"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.project))
    error_message = "project must be 2-21 lower-case letters, digits or dashes, starting with a letter."
  }
}

variable "environment" {
  description = "Deployment environment (staging, prod, ...): part of every name and of the Secrets Manager names."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.environment))
    error_message = "environment must be 2-16 lower-case letters, digits or dashes, starting with a letter."
  }

  validation {
    # The ALB target group is named <project>-<environment>-gateway (32 characters at most).
    condition     = length("${var.project}-${var.environment}") <= 24
    error_message = "project and environment together (<project>-<environment>) must not exceed 24 characters."
  }
}

variable "aws_region" {
  description = "AWS region of the whole platform."
  type        = string
  default     = "ap-northeast-2"

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.aws_region))
    error_message = "aws_region must look like ap-northeast-2."
  }
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC; public and private subnets are carved out of it (/20 each)."
  type        = string
  default     = "10.40.0.0/16"

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0)) && tonumber(split("/", var.vpc_cidr)[1]) <= 18
    error_message = "vpc_cidr must be a valid IPv4 CIDR block of /18 or larger."
  }
}

variable "az_count" {
  description = "Availability zones used (subnets, NAT, RDS Multi-AZ, MSK brokers)."
  type        = number
  default     = 3

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 3
    error_message = "az_count must be 2 or 3."
  }
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all zones (cheaper, not zone-redundant) instead of one per zone."
  type        = bool
  default     = false
}

variable "certificate_arn" {
  description = "ACM certificate for the ALB's HTTPS listener; empty: HTTP only (test environments)."
  type        = string
  default     = ""

  validation {
    condition     = var.certificate_arn == "" || can(regex("^arn:aws[a-z-]*:acm:", var.certificate_arn))
    error_message = "certificate_arn must be empty or an ACM certificate ARN."
  }
}

variable "public_url" {
  description = "Public origin of the API (the ALB or a DNS name pointing at it), e.g. https://api.mclass.example.com."
  type        = string

  validation {
    condition     = can(regex("^https?://[^/]+$", var.public_url))
    error_message = "public_url must be an origin without path, e.g. https://api.mclass.example.com."
  }
}

variable "web_url" {
  description = "Origin of the web front end: links in emails and the social-login landing page."
  type        = string

  validation {
    condition     = can(regex("^https?://[^/]+$", var.web_url))
    error_message = "web_url must be an origin without path."
  }
}

variable "cors_allowed_origins" {
  description = "Browser origins allowed to call the API (comma separated); empty: no CORS."
  type        = string
  default     = ""
}

variable "admin_email" {
  description = "E-mail of the administrator auth-service creates at first start (its password is generated into Secrets Manager)."
  type        = string

  validation {
    condition     = can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.admin_email))
    error_message = "admin_email must be an e-mail address."
  }
}

variable "signing_key_id" {
  description = "kid of the JWT signing key kept in Secrets Manager (change it together with the key to rotate)."
  type        = string
  default     = "mclass-1"
}

variable "ses_domain" {
  description = "Domain the platform sends email from (SES identity with DKIM)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9.-]+\\.[a-z]{2,}$", var.ses_domain))
    error_message = "ses_domain must be a DNS domain name."
  }
}

variable "mail_from" {
  description = "From address of every email; must belong to ses_domain."
  type        = string

  validation {
    condition     = can(regex("^[^@\\s]+@[^@\\s]+$", var.mail_from))
    error_message = "mail_from must be an e-mail address."
  }
}

variable "route53_zone_id" {
  description = "Hosted zone of ses_domain to publish the DKIM records in; empty: publish the records of the ses_dkim_records output yourself."
  type        = string
  default     = ""
}

variable "deletion_protection" {
  description = "Protect RDS instances and the ALB from deletion (and take final snapshots)."
  type        = bool
  default     = true
}

variable "redis_node_type" {
  description = "ElastiCache node type (primary and one replica)."
  type        = string
  default     = "cache.t4g.small"
}

variable "kafka_version" {
  description = "Kafka version of the MSK cluster."
  type        = string
  default     = "3.9.x"
}

variable "kafka_broker_instance_type" {
  description = "MSK broker instance type."
  type        = string
  default     = "kafka.m7g.large"
}

variable "kafka_broker_volume_gb" {
  description = "EBS volume per MSK broker (GiB)."
  type        = number
  default     = 100

  validation {
    condition     = var.kafka_broker_volume_gb >= 1 && var.kafka_broker_volume_gb <= 16384
    error_message = "kafka_broker_volume_gb must be between 1 and 16384."
  }
}

variable "log_retention_days" {
  description = "Retention of the services' CloudWatch log groups."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a retention CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ...)."
  }
}

variable "tracing_sampling" {
  description = "Share of requests traced (MCLASS_TRACING_SAMPLING)."
  type        = number
  default     = 0.1

  validation {
    condition     = var.tracing_sampling >= 0 && var.tracing_sampling <= 1
    error_message = "tracing_sampling must be between 0 and 1."
  }
}

variable "otlp_traces_endpoint" {
  description = "OTLP/HTTP traces endpoint (e.g. an ADOT collector sidecar or service); empty: no span export."
  type        = string
  default     = ""
}

variable "alarm_topic_arn" {
  description = "SNS topic every alarm notifies (yours: PagerDuty, Opsgenie, Chatbot, ...); empty: one is created (<project>-<environment>-alarms)."
  type        = string
  default     = ""

  validation {
    condition     = var.alarm_topic_arn == "" || can(regex("^arn:aws[a-z-]*:sns:", var.alarm_topic_arn))
    error_message = "alarm_topic_arn must be empty or an SNS topic ARN."
  }
}

variable "alarm_email" {
  description = "E-mail subscribed to the created alarm topic (confirm the subscription mail); empty: none."
  type        = string
  default     = ""
}

variable "alarm_min_requests_per_minute" {
  description = "Traffic floor of the API error-ratio alarm: below it a few failed requests are not an outage."
  type        = number
  default     = 60
}
