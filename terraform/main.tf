# MClass on AWS: ECS Fargate (one task definition and one service per module), an ALB in front of the gateway only,
# one RDS PostgreSQL 15 instance per service, ElastiCache Redis 7, MSK, SES, ECR, CloudWatch Logs, SSM parameters.
# Per-service settings live in platform.json; docs/DEPLOYMENT.md has the commands.

locals {
  name     = "${var.project}-${var.environment}"
  platform = jsondecode(file("${path.module}/platform.json"))
  services = local.platform.services

  database_services = { for name, svc in local.services : name => svc.database if svc.database != null }
  kafka_services    = [for name, svc in local.services : name if contains(keys(svc.environment), "SPRING_KAFKA_BOOTSTRAP_SERVERS")]

  # Values the environment templates of platform.json may use (templatestring).
  template_vars = {
    service_namespace       = module.ecs.service_namespace
    redis_host              = module.elasticache.primary_endpoint
    redis_port              = module.elasticache.port
    kafka_bootstrap_servers = module.msk.bootstrap_brokers_tls
    public_url              = var.public_url
    web_url                 = var.web_url
    cors_allowed_origins    = var.cors_allowed_origins
    public_subnet_cidrs     = join(",", module.network.public_subnet_cidrs)
    private_subnet_cidrs    = join(",", module.network.private_subnet_cidrs)
    signing_key_id          = var.signing_key_id
    admin_email             = var.admin_email
    smtp_host               = module.ses.smtp_host
    smtp_port               = module.ses.smtp_port
    mail_from               = var.mail_from
    tracing_sampling        = var.tracing_sampling
    otlp_traces_endpoint    = var.otlp_traces_endpoint
  }

  database_vars = {
    for name, db in module.rds : name => {
      db_host     = db.address
      db_port     = db.port
      db_username = db.username
    }
  }

  # Every secret a task may read: SSM parameters by key, and each service's RDS-managed master secret.
  secret_sources = merge(
    { for key, parameter in aws_ssm_parameter.generated : key => parameter.arn },
    { for key, parameter in aws_ssm_parameter.operator : key => parameter.arn },
    { for name, db in module.rds : "rds-master-password@${name}" => db.master_user_secret_arn },
  )

  ecs_services = {
    for name, svc in local.services : name => {
      image_tag         = lookup(var.image_tags, name, var.default_image_tag)
      port              = svc.port
      cpu               = svc.cpu
      memory            = svc.memory
      desired_count     = lookup(var.desired_counts, name, svc.desired_count)
      min_count         = svc.min_count
      max_count         = svc.max_count
      cpu_target        = svc.cpu_target_percent
      public            = svc.public
      health_check_path = svc.health_check_path
      allow_from        = svc.allow_from
      # Rendered templates; an empty value is left out so that the service keeps its own default.
      environment = {
        for key, template in merge(local.platform.common_environment, svc.environment) :
        key => templatestring(template, merge(local.template_vars, lookup(local.database_vars, name, {})))
        if templatestring(template, merge(local.template_vars, lookup(local.database_vars, name, {}))) != ""
      }
      secrets = {
        for key, ref in svc.secrets : key => (
          ref == "rds-master-password"
          ? "${local.secret_sources["${ref}@${name}"]}:password::"
          : local.secret_sources[ref]
        )
      }
      # What the execution role may read: the SSM parameters and the Secrets Manager secret (RDS) behind them.
      ssm_parameter_arns = distinct([for key, ref in svc.secrets : local.secret_sources[ref] if ref != "rds-master-password"])
      secrets_manager_arns = distinct([
        for key, ref in svc.secrets : local.secret_sources["${ref}@${name}"] if ref == "rds-master-password"
      ])
    }
  }
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
  health_check_path   = local.services.gateway.health_check_path
  certificate_arn     = var.certificate_arn
  deletion_protection = var.deletion_protection
}

module "rds" {
  source   = "./modules/rds"
  for_each = local.database_services

  identifier                 = "${local.name}-${each.key}"
  database_name              = each.value.name
  username                   = each.value.username
  instance_class             = lookup(var.db_instance_classes, each.key, each.value.instance_class)
  allocated_storage_gb       = each.value.allocated_storage_gb
  vpc_id                     = module.network.vpc_id
  subnet_ids                 = module.network.private_subnet_ids
  allowed_security_group_ids = [module.ecs.security_group_ids[each.key]]
  multi_az                   = var.db_multi_az
  backup_retention_days      = var.db_backup_retention_days
  deletion_protection        = var.deletion_protection
}

module "elasticache" {
  source = "./modules/elasticache"

  name                       = local.name
  vpc_id                     = module.network.vpc_id
  subnet_ids                 = module.network.private_subnet_ids
  allowed_security_group_ids = values(module.ecs.security_group_ids)
  node_type                  = var.redis_node_type
  auth_token                 = random_password.redis_auth_token.result
}

module "msk" {
  source = "./modules/msk"

  name       = local.name
  vpc_id     = module.network.vpc_id
  subnet_ids = module.network.private_subnet_ids
  # The services that use Kafka, and the one-off topic task.
  allowed_security_group_ids = concat(
    [for name in local.kafka_services : module.ecs.security_group_ids[name]],
    [module.ecs.kafka_topics_security_group_id],
  )
  kafka_version        = var.kafka_version
  broker_instance_type = var.kafka_broker_instance_type
  broker_volume_gb     = var.kafka_broker_volume_gb
  log_retention_days   = var.log_retention_days
}

module "ses" {
  source = "./modules/ses"

  name            = local.name
  aws_region      = var.aws_region
  domain          = var.ses_domain
  route53_zone_id = var.route53_zone_id
}

module "ecs" {
  source = "./modules/ecs"

  name                    = local.name
  aws_region              = var.aws_region
  vpc_id                  = module.network.vpc_id
  private_subnet_ids      = module.network.private_subnet_ids
  repository_urls         = module.ecr.repository_urls
  repository_arns         = module.ecr.repository_arns
  services                = local.ecs_services
  alb_security_group_id   = module.alb.security_group_id
  alb_target_group_arn    = module.alb.target_group_arn
  alb_request_count_label = "${module.alb.arn_suffix}/${module.alb.target_group_arn_suffix}"
  log_retention_days      = var.log_retention_days
  enable_execute_command  = var.enable_execute_command
  kafka_bootstrap_servers = module.msk.bootstrap_brokers_tls
  kafka_topics            = local.platform.kafka_topics
  kafka_replication       = min(3, module.msk.broker_count)

  # The gateway's service needs the ALB's listeners to exist before it attaches to the target group.
  depends_on = [module.alb]
}
