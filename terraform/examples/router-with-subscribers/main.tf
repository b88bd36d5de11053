# A router stream with three subscribers, fed by applications and by CloudWatch Logs:
#   archive  - every log type, into a created stream read by kinesis-to-s3
#   security - audit logs only, into a created provisioned stream
#   search   - app and access logs, into the search team's existing stream

locals {
  repository_root = "${path.module}/../../.."
  forward_package = "${local.repository_root}/kinesis-forward/target/kinesis-forward-${var.logway_version}-lambda.zip"
  archive_name    = "${var.router_name}-archive-to-s3"

  # The functions' own log groups must never feed the router: their logs would loop back through it.
  logway_log_groups = concat(
    [for key in ["archive", "security", "search"] : "/aws/lambda/${var.router_name}-to-${key}"],
    ["/aws/lambda/${local.archive_name}"],
  )
}

module "router" {
  source = "../../modules/router"

  name                 = var.router_name
  failed_log_s3_bucket = var.log_bucket
  failed_log_s3_prefix = "failed/router"
  lambda_package_path  = local.forward_package

  subscribers = {
    archive = {
      log_types = []
    }
    security = {
      log_types     = ["audit"]
      create_stream = { mode = "PROVISIONED", shard_count = 1, retention_period = 168 }
    }
    search = {
      log_types          = ["app", "access"]
      target_stream_name = var.search_team_stream_arn
    }
  }

  tags = var.tags
}

module "archive_to_s3" {
  source = "../../modules/kinesis-to-s3"

  name                 = local.archive_name
  kinesis_stream_arn   = module.router.subscriber_stream_arns["archive"]
  log_bucket           = var.log_bucket
  log_path_prefix      = "archive"
  failed_log_s3_bucket = var.log_bucket
  failed_log_s3_prefix = "failed/archive"
  memory               = 1024
  lambda_package_path  = "${local.repository_root}/kinesis-to-s3/target/kinesis-to-s3-${var.logway_version}-lambda.zip"
  tags                 = var.tags
}

module "cloudwatch_logs" {
  source = "../../modules/cloudwatch-logs-subscription"

  name                   = var.router_name
  destination_stream_arn = module.router.stream_arn
  log_group_names        = var.subscribed_log_groups
  account_policy = {
    enabled             = var.subscribe_whole_account
    excluded_log_groups = local.logway_log_groups
  }
  tags = var.tags
}
