output "dns_name" {
  description = "DNS name of the load balancer (point the public DNS record here)."
  value       = aws_lb.this.dns_name
}

output "zone_id" {
  description = "Hosted zone of the load balancer (for Route 53 alias records)."
  value       = aws_lb.this.zone_id
}

output "arn_suffix" {
  description = "ARN suffix of the load balancer (CloudWatch dimension, ALBRequestCountPerTarget label)."
  value       = aws_lb.this.arn_suffix
}

output "security_group_id" {
  description = "Security group of the load balancer (the gateway admits it)."
  value       = aws_security_group.alb.id
}

output "target_group_arn" {
  description = "Target group of the gateway service."
  value       = aws_lb_target_group.gateway.arn
}

output "target_group_arn_suffix" {
  description = "ARN suffix of the gateway's target group (ALBRequestCountPerTarget label)."
  value       = aws_lb_target_group.gateway.arn_suffix
}
