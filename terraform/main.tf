# MClass on AWS, the shared stack: what every service uses and no single team owns. The network, the ALB in front of
# the gateway, ECR, ElastiCache Redis 7, MSK, the SES identity, the ECS cluster with one security group per service,
# the shared secrets and the alarm topic. Each service is deployed by its own stack (terraform/service, one state per
# service) that reads this stack's outputs; docs/DEPLOYMENT.md has the commands.

locals {
  name     = "${var.project}-${var.environment}"
  platform = jsondecode(file("${path.module}/platform.json"))
  services = local.platform.services

  # Static keys (service names from platform.json), values known only after apply: fine for for_each.
  kafka_services = [for name, svc in local.services : name if contains(keys(svc.environment), "SPRING_KAFKA_BOOTSTRAP_SERVERS")]
}

module "network" {
  source = "./modules/network"

  name               = local.name
  vpc_cidr           = var.vpc_cidr
  az_count           = var.az_count
  single_nat_gateway = var.single_nat_gateway
}

module "ecr" {
  source = "./modules/ecr"

  name_prefix  = var.project
  repositories = keys(local.services)
}

module "alb" {
  source = "./modules/alb"

  name                = local.name
  vpc_id              = module.network.vpc_id
  public_subnet_ids   = module.network.public_subnet_ids
  target_port         = local.services.gateway.port
  health_check_port   = local.services.gateway.management_port
  health_check_path   = local.services.gateway.health_check_path
  certificate_arn     = var.certificate_arn
  deletion_protection = var.deletion_protection
}

module "cluster" {
  source = "./modules/ecs-cluster"

  name       = local.name
  aws_region = var.aws_region
  vpc_id     = module.network.vpc_id
  services = {
    for name, svc in local.services : name => {
      port            = svc.port
      management_port = svc.management_port
      public          = svc.public
      allow_from      = svc.allow_from
    }
  }
  alb_security_group_id   = module.alb.security_group_id
  private_subnet_ids      = module.network.private_subnet_ids
  log_retention_days      = var.log_retention_days
  kafka_bootstrap_servers = module.msk.bootstrap_brokers_tls
  kafka_topics            = local.platform.kafka_topics
  kafka_replication       = min(3, module.msk.broker_count)
}

module "elasticache" {
  source = "./modules/elasticache"

  name                    = local.name
  vpc_id                  = module.network.vpc_id
  subnet_ids              = module.network.private_subnet_ids
  allowed_security_groups = module.cluster.security_group_ids
  node_type               = var.redis_node_type
  auth_token              = aws_secretsmanager_secret_version.generated["redis-auth-token"].secret_string
}

module "msk" {
  source = "./modules/msk"

  name       = local.name
  vpc_id     = module.network.vpc_id
  subnet_ids = module.network.private_subnet_ids
  # The services that use Kafka, and the one-off topic task.
  allowed_security_groups = merge(
    { for name in local.kafka_services : name => module.cluster.security_group_ids[name] },
    { "kafka-topics" = module.cluster.kafka_topics_security_group_id },
  )
  kafka_version        = var.kafka_version
  broker_instance_type = var.kafka_broker_instance_type
  broker_volume_gb     = var.kafka_broker_volume_gb
  log_retention_days   = var.log_retention_days
}

module "ses" {
  source = "./modules/ses"

  domain          = var.ses_domain
  route53_zone_id = var.route53_zone_id
}
