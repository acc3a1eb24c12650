# One-off task (aws ecs run-task, see the db_login_run_task output) that creates or updates the service's own
# PostgreSQL login with the master user: run it after the first apply and after rotating the login's password. It runs
# in the service's security group, the only one its database admits.

locals {
  master_secret_arn = local.has_db ? module.database[0].master_user_secret_arn : ""
  db_login_sql      = <<-SQL
    SELECT format('CREATE ROLE %I LOGIN', :'app_user') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_user') \gexec
    ALTER ROLE :"app_user" WITH LOGIN PASSWORD :'app_password';
    GRANT CONNECT, CREATE, TEMPORARY ON DATABASE :"db" TO :"app_user";
    -- Flyway migrates as the service's login: it owns the schema (PostgreSQL 15 gives PUBLIC no CREATE on it).
    GRANT :"app_user" TO CURRENT_USER;
    ALTER SCHEMA public OWNER TO :"app_user";
  SQL
}

resource "aws_cloudwatch_log_group" "db_login" {
  count = local.has_db ? 1 : 0

  name              = "/ecs/${local.shared.name}/${var.service}-db-login"
  retention_in_days = local.shared.log_retention_days
}

data "aws_iam_policy_document" "assume_ecs_tasks" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "db_login_execution" {
  count = local.has_db ? 1 : 0

  name               = "${local.shared.name}-${var.service}-db-login"
  assume_role_policy = data.aws_iam_policy_document.assume_ecs_tasks.json
}

resource "aws_iam_role_policy" "db_login_execution" {
  count = local.has_db ? 1 : 0

  name = "db-login"
  role = aws_iam_role.db_login_execution[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = [local.master_secret_arn, aws_secretsmanager_secret.database[0].arn]
      },
      {
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.db_login[0].arn}:*"
      },
    ]
  })
}

resource "aws_ecs_task_definition" "db_login" {
  count = local.has_db ? 1 : 0

  family                   = "${local.shared.name}-${var.service}-db-login"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.db_login_execution[0].arn

  container_definitions = jsonencode([
    {
      name       = "db-login"
      image      = var.postgres_client_image
      essential  = true
      entryPoint = ["/bin/sh", "-ec"]
      command = [join("\n", [
        "cat > /tmp/login.sql <<'SQL'",
        local.db_login_sql,
        "SQL",
        "psql -v ON_ERROR_STOP=1 -U \"$MASTER_USER\" -v app_user=\"$APP_USER\" -v app_password=\"$APP_PASSWORD\" -v db=\"$PGDATABASE\" -f /tmp/login.sql",
      ])]
      environment = [
        { name = "PGHOST", value = module.database[0].address },
        { name = "PGPORT", value = tostring(module.database[0].port) },
        { name = "PGDATABASE", value = local.database.name },
        { name = "PGSSLMODE", value = "require" },
        { name = "APP_USER", value = local.database.username },
      ]
      secrets = [
        { name = "MASTER_USER", valueFrom = "${local.master_secret_arn}:username::" },
        { name = "PGPASSWORD", valueFrom = "${local.master_secret_arn}:password::" },
        { name = "APP_PASSWORD", valueFrom = aws_secretsmanager_secret.database[0].arn },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.db_login[0].name
          awslogs-region        = var.aws_region
          awslogs-stream-prefix = "db-login"
        }
      }
    },
  ])
}
