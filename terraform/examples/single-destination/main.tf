# One stream, one destination: producers -> Kinesis -> kinesis-to-s3 -> S3 (Baikonur layout).

locals {
  repository_root = "${path.module}/../../.."
}

resource "aws_kinesis_stream" "logs" {
  name             = var.stream_name
  retention_period = 24
  encryption_type  = "KMS"
  kms_key_id       = "alias/aws/kinesis"

  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }

  tags = var.tags
}

module "to_s3" {
  source = "../../modules/kinesis-to-s3"

  name                = "${var.stream_name}-to-s3"
  kinesis_stream_arn  = aws_kinesis_stream.logs.arn
  log_bucket          = var.log_bucket
  log_path_prefix     = var.log_path_prefix
  memory              = 1024
  lambda_package_path = "${local.repository_root}/kinesis-to-s3/target/kinesis-to-s3-${var.logway_version}-lambda.zip"
  tags                = var.tags
}
