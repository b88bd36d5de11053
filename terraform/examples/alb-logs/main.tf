# ALB access logs -> S3 event -> SQS -> elb-to-kinesis -> stream -> kinesis-to-s3 (JSON, one record per line).

locals {
  repository_root = "${path.module}/../../.."
}

resource "aws_kinesis_stream" "access_logs" {
  name             = "alb-access-logs"
  retention_period = 24
  encryption_type  = "KMS"
  kms_key_id       = "alias/aws/kinesis"

  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }

  tags = var.tags
}

module "alb_to_kinesis" {
  source = "../../modules/elb-to-kinesis"

  name                 = "alb-logs-to-kinesis"
  log_bucket_name      = var.alb_log_bucket
  log_prefix           = var.alb_log_prefix
  eventbridge          = var.use_eventbridge
  target_stream_name   = aws_kinesis_stream.access_logs.name
  failed_log_s3_bucket = var.log_bucket
  failed_log_s3_prefix = "failed/alb"
  memory               = 1024
  lambda_package_path  = "${local.repository_root}/elb-to-kinesis/target/elb-to-kinesis-${var.logway_version}-lambda.zip"
  tags                 = var.tags
}

module "access_logs_to_s3" {
  source = "../../modules/kinesis-to-s3"

  name                 = "alb-access-logs-to-s3"
  kinesis_stream_arn   = aws_kinesis_stream.access_logs.arn
  log_bucket           = var.log_bucket
  log_path_prefix      = "alb"
  failed_log_s3_bucket = var.log_bucket
  failed_log_s3_prefix = "failed/alb-to-s3"
  memory               = 1024
  lambda_package_path  = "${local.repository_root}/kinesis-to-s3/target/kinesis-to-s3-${var.logway_version}-lambda.zip"
  tags                 = var.tags
}
