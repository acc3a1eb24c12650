terraform {
  # templatestring() renders the environment templates of platform.json.
  required_version = ">= 1.9.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80, < 7.0"
    }
    random = {
      source  = "hashicorp/random"
      version = ">= 3.6"
    }
    tls = {
      source  = "hashicorp/tls"
      version = ">= 4.0"
    }
  }

  # State holds generated secrets (admin password, Redis token, JWT key, SES SMTP password): keep it in an encrypted,
  # access-controlled backend, e.g.
  # backend "s3" {
  #   bucket       = "my-terraform-state"
  #   key          = "mclass/prod.tfstate"
  #   region       = "ap-northeast-2"
  #   encrypt      = true
  #   use_lockfile = true
  # }
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      Project     = var.project
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}
