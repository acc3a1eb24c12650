# terraform test (offline): plans the whole shared stack against a mocked AWS provider, as a fresh account would see
# it: every ID unknown until apply. Catches dependency cycles and for_each over unknown values, which
# `terraform validate` alone does not. Run by delivery-checks (TerraformTests) on a copy of this directory.

mock_provider "aws" {
  mock_data "aws_availability_zones" {
    defaults = {
      names = ["ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c"]
    }
  }

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

  mock_data "aws_secretsmanager_random_password" {
    defaults = {
      random_password = "mockedpassword0123456789abcdefghijklmnop"
    }
  }
}

variables {
  environment     = "prod"
  public_url      = "https://api.mclass.example.com"
  web_url         = "https://mclass.example.com"
  admin_email     = "admin@mclass.example.com"
  ses_domain      = "mclass.example.com"
  mail_from       = "no-reply@mclass.example.com"
  alarm_email     = "oncall@mclass.example.com"
  certificate_arn = "arn:aws:acm:ap-northeast-2:123456789012:certificate/00000000-0000-0000-0000-000000000000"
}

run "plans_the_shared_stack_in_a_fresh_account" {
  command = plan

  assert {
    condition     = length(module.cluster.security_group_ids) == 5
    error_message = "one security group per service"
  }

  assert {
    condition     = length(aws_sns_topic.alarms) == 1 && length(aws_sns_topic_subscription.alarm_email) == 1
    error_message = "without alarm_topic_arn the stack creates the alarm topic and subscribes alarm_email"
  }

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.dead_letters) == 3
    error_message = "one dead-letter alarm per *.DLT topic"
  }

  assert {
    condition     = length(aws_secretsmanager_secret_version.generated) == 3 && !contains(keys(aws_secretsmanager_secret_version.generated), "jwt-signing-key")
    error_message = "the JWT signing key is put by an operator, never generated into the state"
  }
}

run "routes_alarms_to_an_existing_topic" {
  command = plan

  variables {
    alarm_topic_arn = "arn:aws:sns:ap-northeast-2:123456789012:oncall"
  }

  assert {
    condition     = length(aws_sns_topic.alarms) == 0 && output.alarm_topic_arn == "arn:aws:sns:ap-northeast-2:123456789012:oncall"
    error_message = "alarm_topic_arn is used as it is"
  }

  assert {
    condition     = toset(aws_cloudwatch_metric_alarm.alb_5xx_ratio.alarm_actions) == toset(["arn:aws:sns:ap-northeast-2:123456789012:oncall"])
    error_message = "the API alarm notifies the operator's topic"
  }
}
