# The function's role: only what this function does, on only the resources it touches.

data "aws_iam_policy_document" "assume_role" {
  statement {
    sid     = "LambdaAssumeRole"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = "${substr(var.name, 0, 57)}-lambda"
  assume_role_policy = data.aws_iam_policy_document.assume_role.json
  tags               = var.tags
}

data "aws_iam_policy_document" "this" {
  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this.arn}:*"]
  }

  dynamic "statement" {
    for_each = local.kinesis ? [1] : []
    content {
      sid = "ReadSourceStream"
      actions = [
        "kinesis:DescribeStream",
        "kinesis:DescribeStreamSummary",
        "kinesis:GetRecords",
        "kinesis:GetShardIterator",
        "kinesis:ListShards",
      ]
      resources = [var.kinesis_stream_arn]
    }
  }

  dynamic "statement" {
    for_each = var.sqs_event_source == null ? [] : [var.sqs_event_source.queue_arn]
    content {
      sid = "ConsumeAndContinueSourceQueue"
      actions = [
        "sqs:ReceiveMessage",
        "sqs:DeleteMessage",
        "sqs:GetQueueAttributes",
        "sqs:ChangeMessageVisibility",
        "sqs:SendMessage",
      ]
      resources = [statement.value]
    }
  }

  dynamic "statement" {
    for_each = local.kinesis && var.event_source.enhanced_fan_out ? [1] : []
    content {
      sid       = "ReadThroughEnhancedFanOutConsumer"
      actions   = ["kinesis:DescribeStreamConsumer", "kinesis:SubscribeToShard"]
      resources = aws_kinesis_stream_consumer.this[*].arn
    }
  }

  dynamic "statement" {
    for_each = var.kinesis_kms_key_arn == null ? [] : [var.kinesis_kms_key_arn]
    content {
      sid       = "DecryptSourceStream"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]
    }
  }

  dynamic "statement" {
    for_each = local.on_failure_type == "s3" ? [1] : []
    content {
      sid       = "WriteFailedBatchesToS3"
      actions   = ["s3:PutObject"]
      resources = ["${local.on_failure_arn}/*"]
    }
  }

  dynamic "statement" {
    for_each = local.on_failure_type == "s3" ? [1] : []
    content {
      sid       = "ListFailedBatchBucket"
      actions   = ["s3:ListBucket"]
      resources = [local.on_failure_arn]
    }
  }

  dynamic "statement" {
    for_each = local.on_failure_type == "sqs" ? [1] : []
    content {
      sid       = "SendFailedBatchesToSqs"
      actions   = ["sqs:SendMessage"]
      resources = [local.on_failure_arn]
    }
  }

  dynamic "statement" {
    for_each = local.on_failure_type == "sns" ? [1] : []
    content {
      sid       = "PublishFailedBatchesToSns"
      actions   = ["sns:Publish"]
      resources = [local.on_failure_arn]
    }
  }

  # Exception (documented in README and in tools/test/iam-policy.test.mjs): these EC2 actions do not support
  # resource-level permissions; Lambda needs them to manage the function's network interfaces in a VPC.
  dynamic "statement" {
    for_each = var.vpc_config == null ? [] : [1]
    content {
      sid = "ManageVpcNetworkInterfaces"
      actions = [
        "ec2:CreateNetworkInterface",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DeleteNetworkInterface",
        "ec2:AssignPrivateIpAddresses",
        "ec2:UnassignPrivateIpAddresses",
      ]
      resources = ["*"]
    }
  }

  # Exception (documented): X-Ray's PutTraceSegments/PutTelemetryRecords do not support resource-level permissions.
  dynamic "statement" {
    for_each = var.tracing_mode == "Active" ? [1] : []
    content {
      sid       = "WriteTraces"
      actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
      resources = ["*"]
    }
  }

  dynamic "statement" {
    for_each = var.policy_statements
    content {
      sid       = statement.value.sid
      actions   = statement.value.actions
      resources = statement.value.resources
    }
  }
}

resource "aws_iam_role_policy" "this" {
  name   = "${var.name}-lambda"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.this.json
}
