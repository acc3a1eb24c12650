variable "domain" {
  description = "Sending domain (SES identity, DKIM signed)."
  type        = string
}

variable "route53_zone_id" {
  description = "Hosted zone to publish the DKIM records in; empty: publish them yourself (dkim_records output)."
  type        = string
  default     = ""
}
