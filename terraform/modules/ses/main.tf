# Email through SES: a domain identity with Easy DKIM. No IAM user and no SMTP password: notification-service's task
# role may send from this identity (ses:SendRawEmail), and the SMTP it speaks reaches SES through a relay sidecar in
# its own task that calls the SES API with the task role's short-lived credentials (terraform/service). New accounts
# are in the SES sandbox (verified recipients only) until production access is requested.

resource "aws_sesv2_email_identity" "domain" {
  email_identity = var.domain
}

locals {
  # [*] rather than [0]: the block is empty until SES has created the identity.
  dkim_tokens = flatten(aws_sesv2_email_identity.domain.dkim_signing_attributes[*].tokens)
}

resource "aws_route53_record" "dkim" {
  count = var.route53_zone_id == "" ? 0 : 3

  zone_id = var.route53_zone_id
  name    = "${local.dkim_tokens[count.index]}._domainkey.${var.domain}"
  type    = "CNAME"
  ttl     = 600
  records = ["${local.dkim_tokens[count.index]}.dkim.amazonses.com"]
}
