terraform {
  # mock_provider in tests needs 1.7; optional() object attributes with defaults need 1.3.
  required_version = ">= 1.7"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0, < 7.0"
    }
  }
}
