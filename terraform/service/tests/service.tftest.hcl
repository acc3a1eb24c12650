# terraform test (offline): plans each service's own stack against a mocked AWS provider, with the shared stack's
# outputs as terraform_remote_state would return them. Run by delivery-checks (TerraformTests) on a copy.

mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "123456789012"
    }
  }

  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
    }
  }

  # Computed nested blocks come back empty from the mock; give them the shape AWS returns (known at plan for these
  # only: every other computed value stays unknown, as in a fresh account).
  mock_resource "aws_db_instance" {
    override_during = plan
    defaults = {
      master_user_secret = [{ secret_arn = "arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:rds!db-0000-AAAAAA" }]
      port               = 5432
    }
  }

  mock_data "aws_secretsmanager_random_password" {
    defaults = {
      random_password = "mockedpassword0123456789abcdefghijklmnop"
    }
  }
}

override_data {
  target = data.terraform_remote_state.shared
  values = {
    outputs = {
      name                    = "mclass-prod"
      aws_region              = "ap-northeast-2"
      secret_prefix           = "mclass/prod"
      vpc_id                  = "vpc-0123456789abcdef0"
      private_subnet_ids      = ["subnet-0a", "subnet-0b", "subnet-0c"]
      ecs_cluster_name        = "mclass-prod"
      ecs_cluster_arn         = "arn:aws:ecs:ap-northeast-2:123456789012:cluster/mclass-prod"
      service_namespace_id    = "ns-0123456789"
      alb_target_group_arn    = "arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup/mclass-prod-gateway/0123456789abcdef"
      alb_request_count_label = "app/mclass-prod/0123456789abcdef/targetgroup/mclass-prod-gateway/0123456789abcdef"
      alarm_topic_arn         = "arn:aws:sns:ap-northeast-2:123456789012:mclass-prod-alarms"
      ses_identity_arn        = "arn:aws:ses:ap-northeast-2:123456789012:identity/mclass.example.com"
      log_retention_days      = 30
      deletion_protection     = true
      service_security_group_ids = {
        "gateway"              = "sg-0000000000000000a"
        "auth-service"         = "sg-0000000000000000b"
        "class-service"        = "sg-0000000000000000c"
        "enrollment-service"   = "sg-0000000000000000d"
        "notification-service" = "sg-0000000000000000e"
      }
      ecr_repository_urls = {
        "gateway"              = "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/mclass/gateway"
        "auth-service"         = "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/mclass/auth-service"
        "class-service"        = "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/mclass/class-service"
        "enrollment-service"   = "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/mclass/enrollment-service"
        "notification-service" = "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/mclass/notification-service"
      }
      ecr_repository_arns = {
        "gateway"              = "arn:aws:ecr:ap-northeast-2:123456789012:repository/mclass/gateway"
        "auth-service"         = "arn:aws:ecr:ap-northeast-2:123456789012:repository/mclass/auth-service"
        "class-service"        = "arn:aws:ecr:ap-northeast-2:123456789012:repository/mclass/class-service"
        "enrollment-service"   = "arn:aws:ecr:ap-northeast-2:123456789012:repository/mclass/enrollment-service"
        "notification-service" = "arn:aws:ecr:ap-northeast-2:123456789012:repository/mclass/notification-service"
      }
      secret_arns = {
        "admin-password"            = "arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:mclass/prod/admin-password-AAAAAA"
        "redis-auth-token"          = "arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:mclass/prod/redis-auth-token-AAAAAA"
        "service-secret-enrollment" = "arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:mclass/prod/service-secret-enrollment-AAAAAA"
        "jwt-signing-key"           = "arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:mclass/prod/jwt-signing-key-AAAAAA"
        "google-client-id"          = "arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:mclass/prod/google-client-id-AAAAAA"
        "google-client-secret"      = "arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:mclass/prod/google-client-secret-AAAAAA"
        "kakao-client-id"           = "arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:mclass/prod/kakao-client-id-AAAAAA"
        "kakao-client-secret"       = "arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:mclass/prod/kakao-client-secret-AAAAAA"
        "naver-client-id"           = "arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:mclass/prod/naver-client-id-AAAAAA"
        "naver-client-secret"       = "arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:mclass/prod/naver-client-secret-AAAAAA"
      }
      template_vars = {
        service_namespace       = "mclass.internal"
        redis_host              = "master.mclass-prod.abcdef.apn2.cache.amazonaws.com"
        redis_port              = "6379"
        kafka_bootstrap_servers = "b-1.mclass-prod.kafka.ap-northeast-2.amazonaws.com:9094"
        public_url              = "https://api.mclass.example.com"
        web_url                 = "https://mclass.example.com"
        cors_allowed_origins    = "https://mclass.example.com"
        public_subnet_cidrs     = "10.40.0.0/20,10.40.16.0/20,10.40.32.0/20"
        private_subnet_cidrs    = "10.40.128.0/20,10.40.144.0/20,10.40.160.0/20"
        signing_key_id          = "mclass-1"
        admin_email             = "admin@mclass.example.com"
        mail_from               = "no-reply@mclass.example.com"
        tracing_sampling        = "0.1"
        otlp_traces_endpoint    = ""
      }
    }
  }
}

variables {
  state_bucket     = "my-org-mclass-tfstate"
  shared_state_key = "mclass/prod/shared.tfstate"
  image_tag        = "0.1.0"
}

run "gateway" {
  command = plan

  variables {
    service = "gateway"
  }

  assert {
    condition     = length(module.database) == 0 && output.database_login == null
    error_message = "the gateway owns no database"
  }

  assert {
    condition     = local.environment["MANAGEMENT_SERVER_PORT"] == "9080" && local.environment["SERVER_PORT"] == "8080"
    error_message = "actuator on the management port, apart from the public one"
  }
}

run "auth_service" {
  command = plan

  variables {
    service = "auth-service"
  }

  assert {
    condition     = length(module.database) == 1 && output.database_login == "mclass_auth_app"
    error_message = "auth-service connects with its own login"
  }

  assert {
    condition     = local.svc.secrets["SPRING_DATASOURCE_PASSWORD"] == "database-password" && !contains(values(local.svc.secrets), "rds-master-password")
    error_message = "the datasource password is the service's own secret, never the RDS-managed master secret"
  }
}

run "class_service" {
  command = plan

  variables {
    service = "class-service"
  }

  assert {
    condition     = length(module.database) == 1 && length(aws_ecs_task_definition.db_login) == 1
    error_message = "class-service has its database and the task that creates its login"
  }
}

run "enrollment_service" {
  command = plan

  variables {
    service = "enrollment-service"
  }

  assert {
    condition     = strcontains(local.environment["JAVA_OPTS"], "-Xmx") && strcontains(local.environment["JAVA_OPTS"], "-XX:MaxDirectMemorySize") && strcontains(local.environment["JAVA_OPTS"], "-XX:+Use")
    error_message = "heap, direct memory and GC are explicit"
  }
}

run "notification_service" {
  command = plan

  variables {
    service = "notification-service"
  }

  assert {
    condition     = length(local.sidecars) == 1 && local.environment["SPRING_MAIL_HOST"] == "127.0.0.1"
    error_message = "mail goes through the SES relay next to the service, with the task role"
  }

  assert {
    condition     = !contains(keys(local.secrets), "SPRING_MAIL_PASSWORD")
    error_message = "no SMTP password: SES is reached with the task role's credentials"
  }
}
