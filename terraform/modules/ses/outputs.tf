output "identity_arn" {
  description = "ARN of the sending identity (the resource of notification-service's ses:SendRawEmail permission)."
  value       = aws_sesv2_email_identity.domain.arn
}

output "dkim_records" {
  description = "CNAME records that verify the domain (published automatically when route53_zone_id is set)."
  value = [
    for token in local.dkim_tokens :
    "${token}._domainkey.${var.domain} CNAME ${token}.dkim.amazonses.com"
  ]
}
