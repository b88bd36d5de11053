data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.region
  account_id = data.aws_caller_identity.current.account_id

  # Accounts whose CloudWatch Logs may use the role: this one, plus the cross-account sources when a destination
  # is created (the destination assumes the role on their behalf).
  source_accounts = distinct(concat([local.account_id], var.cross_account_destination.enabled ? var.cross_account_destination.source_account_ids : []))

  selection_criteria = length(var.account_policy.excluded_log_groups) == 0 ? null : "LogGroupName NOT IN ${jsonencode(var.account_policy.excluded_log_groups)}"
}

# The role CloudWatch Logs assumes to put records into the stream.
data "aws_iam_policy_document" "assume_role" {
  statement {
    sid     = "CloudWatchLogsAssumeRole"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["logs.amazonaws.com"]
    }
    condition {
      test     = "StringLike"
      variable = "aws:SourceArn"
      values   = [for account in local.source_accounts : "arn:${local.partition}:logs:${local.region}:${account}:*"]
    }
  }
}

resource "aws_iam_role" "cloudwatch_logs" {
  name               = "${var.name}-cwl-to-kinesis"
  assume_role_policy = data.aws_iam_policy_document.assume_role.json
  tags               = var.tags
}

data "aws_iam_policy_document" "put_records" {
  statement {
    sid       = "PutLogEventsIntoStream"
    actions   = ["kinesis:PutRecord", "kinesis:PutRecords"]
    resources = [var.destination_stream_arn]
  }

  dynamic "statement" {
    for_each = var.destination_stream_kms_key_arn == null ? [] : [var.destination_stream_kms_key_arn]
    content {
      sid       = "EncryptStreamRecords"
      actions   = ["kms:GenerateDataKey"]
      resources = [statement.value]
    }
  }
}

resource "aws_iam_role_policy" "put_records" {
  name   = "${var.name}-cwl-to-kinesis"
  role   = aws_iam_role.cloudwatch_logs.id
  policy = data.aws_iam_policy_document.put_records.json
}

resource "aws_cloudwatch_log_subscription_filter" "this" {
  for_each = toset(var.log_group_names)

  name            = "${var.name}-to-kinesis"
  log_group_name  = each.value
  filter_pattern  = var.filter_pattern
  destination_arn = var.destination_stream_arn
  role_arn        = aws_iam_role.cloudwatch_logs.arn
  distribution    = var.distribution

  depends_on = [aws_iam_role_policy.put_records]
}

resource "aws_cloudwatch_log_account_policy" "subscription" {
  count = var.account_policy.enabled ? 1 : 0

  policy_name = "${var.name}-to-kinesis"
  policy_type = "SUBSCRIPTION_FILTER_POLICY"
  scope       = "ALL"
  policy_document = jsonencode({
    DestinationArn = var.destination_stream_arn
    RoleArn        = aws_iam_role.cloudwatch_logs.arn
    FilterPattern  = var.filter_pattern
    Distribution   = var.distribution
  })
  selection_criteria = local.selection_criteria

  depends_on = [aws_iam_role_policy.put_records]
}

resource "aws_cloudwatch_log_destination" "cross_account" {
  count = var.cross_account_destination.enabled ? 1 : 0

  name       = "${var.name}-to-kinesis"
  role_arn   = aws_iam_role.cloudwatch_logs.arn
  target_arn = var.destination_stream_arn
  tags       = var.tags

  depends_on = [aws_iam_role_policy.put_records]
}

data "aws_iam_policy_document" "destination_access" {
  count = var.cross_account_destination.enabled ? 1 : 0

  statement {
    sid       = "SourceAccountsSubscribe"
    actions   = ["logs:PutSubscriptionFilter", "logs:PutAccountPolicy"]
    resources = [aws_cloudwatch_log_destination.cross_account[0].arn]
    principals {
      type        = "AWS"
      identifiers = var.cross_account_destination.source_account_ids
    }
  }
}

resource "aws_cloudwatch_log_destination_policy" "cross_account" {
  count = var.cross_account_destination.enabled ? 1 : 0

  destination_name = aws_cloudwatch_log_destination.cross_account[0].name
  access_policy    = data.aws_iam_policy_document.destination_access[0].json
}
