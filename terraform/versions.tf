terraform {
  # 1.10: the S3 backend's use_lockfile (state locking without DynamoDB); templatestring() needs 1.9.
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80, < 7.0"
    }
  }

  # State in S3 (encrypted, versioned, locked with a lock file next to it). The settings come from a file per
  # environment: terraform init -backend-config=backend.hcl (see backend.hcl.example and docs/DEPLOYMENT.md).
  backend "s3" {}
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      Project     = var.project
      Environment = var.environment
      Stack       = "shared"
      ManagedBy   = "terraform"
    }
  }
}
