terraform {
  # 1.10: the S3 backend's use_lockfile; templatestring() needs 1.9.
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80, < 7.0"
    }
  }

  # One state per service and environment (key mclass/<environment>/services/<service>.tfstate): a team applies,
  # locks and rolls back its own service only. terraform init -backend-config=backend.hcl (backend.hcl.example).
  backend "s3" {}
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      Project   = "mclass"
      Stack     = var.service
      ManagedBy = "terraform"
    }
  }
}
