variable "name" {
  description = "Name prefix of the SMTP IAM user."
  type        = string
}

variable "domain" {
  description = "Sending domain (SES identity, DKIM signed)."
  type        = string
}

variable "route53_zone_id" {
  description = "Hosted zone to publish the DKIM records in; empty: publish them yourself (dkim_records output)."
  type        = string
  default     = ""
}

variable "aws_region" {
  description = "Region of the SES identity (its SMTP endpoint is email-smtp.<region>.amazonaws.com)."
  type        = string
}
