output "smtp_host" {
  description = "SES SMTP endpoint of the region (SPRING_MAIL_HOST)."
  value       = "email-smtp.${var.aws_region}.amazonaws.com"
}

output "smtp_port" {
  description = "SMTP port with STARTTLS (SPRING_MAIL_PORT)."
  value       = 587
}

output "smtp_username" {
  description = "SMTP user name (the IAM access key id)."
  value       = aws_iam_access_key.smtp.id
}

output "smtp_password" {
  description = "SMTP password derived from the IAM secret key (SigV4)."
  value       = aws_iam_access_key.smtp.ses_smtp_password_v4
  sensitive   = true
}

output "dkim_records" {
  description = "CNAME records that verify the domain (published automatically when route53_zone_id is set)."
  value = [
    for token in aws_sesv2_email_identity.domain.dkim_signing_attributes[0].tokens :
    "${token}._domainkey.${var.domain} CNAME ${token}.dkim.amazonses.com"
  ]
}
