data "aws_partition" "current" {}

locals {
  partition         = data.aws_partition.current.partition
  failed_log_prefix = trimsuffix(var.failed_log_s3_prefix, "/")
  managed_domain    = var.es_auth == "sigv4" && var.es_sigv4_service == "es" && var.elasticsearch_arn != null
  serverless        = var.es_auth == "sigv4" && var.es_sigv4_service == "aoss" && var.elasticsearch_arn != null

  # The only domain paths the function calls: _bulk, its index templates and retention policies (ISM on OpenSearch,
  # ISM under _opendistro on Amazon Elasticsearch 7.x, ILM on Elasticsearch), and GET / for the version probe.
  domain_write_paths = var.elasticsearch_arn == null ? [] : [
    "${var.elasticsearch_arn}/_bulk",
    "${var.elasticsearch_arn}/${var.index_name_prefix}-*",
    "${var.elasticsearch_arn}/_index_template/${var.index_name_prefix}*",
    "${var.elasticsearch_arn}/_plugins/_ism/policies/${var.index_name_prefix}*",
    "${var.elasticsearch_arn}/_opendistro/_ism/policies/${var.index_name_prefix}*",
    "${var.elasticsearch_arn}/_ilm/policy/${var.index_name_prefix}*",
  ]
  domain_read_paths = var.elasticsearch_arn == null ? [] : concat([var.elasticsearch_arn, "${var.elasticsearch_arn}/"], local.domain_write_paths)

  common_environment = {
    LOG_TYPE_FIELD       = var.log_type_field
    LOG_ID_FIELD         = var.log_id_field
    LOG_TIMESTAMP_FIELD  = var.log_timestamp_field
    LOG_TYPE_WHITELIST   = join(",", var.log_type_field_whitelist)
    MAX_TIME_SKEW_FUTURE = var.processing.max_time_skew_future
    MAX_TIME_SKEW_PAST   = var.processing.max_time_skew_past
    CWL_METADATA_FIELD   = var.processing.cwl_metadata_field
    CWL_TEXT_MODE        = var.processing.cwl_text_mode
    CWL_LOG_TYPE_MAP     = join(",", [for m in var.processing.cwl_log_type_map : "${m.log_group}=${m.log_type}"])
    DEADLINE_MARGIN_MS   = tostring(var.processing.deadline_margin_ms)
    MAX_RECORD_BYTES     = tostring(var.processing.max_record_bytes)
    LOG_LEVEL            = var.processing.log_level
  }

  environment = {
    for key, value in merge(local.common_environment, {
      ES_HOST               = var.elasticsearch_host
      INDEX_NAME_PREFIX     = var.index_name_prefix
      ES_AUTH               = var.es_auth
      ES_SIGV4_SERVICE      = var.es_sigv4_service
      ES_BASIC_SECRET_ARN   = var.es_basic_secret_arn
      ES_DOCUMENT_ID        = var.es_document_id
      BULK_MAX_BYTES        = var.bulk.max_bytes == null ? null : tostring(var.bulk.max_bytes)
      BULK_MAX_ACTIONS      = var.bulk.max_actions == null ? null : tostring(var.bulk.max_actions)
      BULK_GZIP             = var.bulk.gzip == null ? null : tostring(var.bulk.gzip)
      ES_REQUEST_TIMEOUT_MS = var.bulk.request_timeout_ms == null ? null : tostring(var.bulk.request_timeout_ms)
      ES_INSTALL_TEMPLATE   = tostring(var.index_template.install)
      ES_RETENTION_DAYS     = tostring(var.index_template.retention_days)
      TIMEZONE              = var.timezone
      FAILED_LOG_S3_BUCKET  = var.failed_log_s3_bucket
      FAILED_LOG_S3_PREFIX  = local.failed_log_prefix
    }) : key => value if value != null && value != ""
  }

  policy_statements = concat(
    !local.managed_domain ? [] : [
      {
        sid       = "BulkWriteAndSetUpIndices"
        actions   = ["es:ESHttpPost", "es:ESHttpPut"]
        resources = local.domain_write_paths
      },
      {
        sid       = "ProbeClusterAndSetup"
        actions   = ["es:ESHttpGet"]
        resources = local.domain_read_paths
      },
    ],
    # OpenSearch Serverless authorises per index in the data access policy below; IAM only lets the role call the
    # collection endpoint.
    !local.serverless ? [] : [{
      sid       = "CallServerlessCollection"
      actions   = ["aoss:APIAccessAll"]
      resources = [var.elasticsearch_arn]
    }],
    var.es_basic_secret_arn == null ? [] : [{
      sid       = "ReadBasicAuthSecret"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = [var.es_basic_secret_arn]
    }],
    [{
      sid       = "WriteFailedLog"
      actions   = ["s3:PutObject"]
      resources = ["arn:${local.partition}:s3:::${var.failed_log_s3_bucket}/${local.failed_log_prefix}/*"]
    }],
  )
}

module "function" {
  source = "../kinesis-consumer-lambda"

  name                  = var.name
  description           = "Logway kinesis-to-es: ${var.kinesis_stream_arn} -> ${var.elasticsearch_host} ${var.index_name_prefix}-*"
  handler               = "io.github.logway.opensearch.KinesisToOpenSearchHandler::handleRequest"
  kinesis_stream_arn    = var.kinesis_stream_arn
  environment_variables = local.environment
  policy_statements     = local.policy_statements
  runtime                        = startswith(var.runtime, "python") ? "java21" : var.runtime
  architecture                   = var.architecture
  memory                         = var.memory
  timeout                        = var.timeout
  java_tool_options              = var.java_tool_options
  snap_start                     = var.snap_start
  tracing_mode                   = var.tracing_mode
  reserved_concurrent_executions = var.reserved_concurrent_executions
  vpc_config                     = var.vpc_config
  log_retention_in_days          = var.log_retention_in_days

  lambda_package_path      = var.lambda_package_path
  lambda_package_s3_bucket = var.lambda_package_s3_bucket
  lambda_package_s3_key    = var.lambda_package_s3_key
  lambda_package_url       = var.lambda_package_url
  lambda_package_sha256    = var.lambda_package_sha256

  kinesis_kms_key_arn    = var.kinesis_kms_key_arn
  enable_kinesis_mapping = var.enable_kinesis_mapping
  event_source = merge(var.event_source, {
    batch_size        = var.batch_size
    starting_position = var.starting_position
  })
  on_failure = var.on_failure
  alarms     = var.alarms
  tags       = var.tags

}

# Managed domain: the resource-based side of the grant. Replaces the domain's access policy (see the variable).
data "aws_iam_policy_document" "domain_access" {
  count = local.managed_domain ? 1 : 0

  statement {
    sid       = "LogwayKinesisToEs"
    actions   = ["es:ESHttpGet", "es:ESHttpPost", "es:ESHttpPut"]
    resources = local.domain_read_paths
    principals {
      type        = "AWS"
      identifiers = [module.function.role_arn]
    }
  }
}

resource "aws_opensearch_domain_policy" "this" {
  count = local.managed_domain && var.domain_access_policy ? 1 : 0

  domain_name     = element(split("/", var.elasticsearch_arn), 1)
  access_policies = data.aws_iam_policy_document.domain_access[0].json
}

# OpenSearch Serverless: at cold start the function reads the collection's type (aoss:BatchGetCollection) to refuse
# ES_DOCUMENT_ID=log_id on a time-series collection. The action has no resource-level permission (resource "*", a
# documented exception), so the aoss:collection condition narrows it to the one collection by name. Without a
# collection name the statement is left out and the function logs a warning instead of checking.
data "aws_iam_policy_document" "serverless_collection_type" {
  count = local.serverless && var.serverless_data_access_policy.collection_name != null ? 1 : 0

  statement {
    sid       = "DescribeServerlessCollection"
    actions   = ["aoss:BatchGetCollection"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "aoss:collection"
      values   = [var.serverless_data_access_policy.collection_name]
    }
  }
}

resource "aws_iam_role_policy" "serverless_collection_type" {
  count = length(data.aws_iam_policy_document.serverless_collection_type)

  name   = "${var.name}-aoss-collection-type"
  role   = module.function.role_name
  policy = data.aws_iam_policy_document.serverless_collection_type[0].json
}

# OpenSearch Serverless: data access policy for this role on the prefix's indices of one collection.
resource "aws_opensearchserverless_access_policy" "data" {
  count = local.serverless && var.serverless_data_access_policy.enabled ? 1 : 0

  name        = coalesce(var.serverless_data_access_policy.policy_name, substr(replace(lower("${var.name}-write"), "_", "-"), 0, 32))
  type        = "data"
  description = "Logway kinesis-to-es ${var.name}: write ${var.index_name_prefix}-* indices."
  policy = jsonencode([{
    Description = "Logway kinesis-to-es ${var.name}"
    Principal   = [module.function.role_arn]
    Rules = [
      {
        ResourceType = "index"
        Resource     = ["index/${var.serverless_data_access_policy.collection_name}/${var.index_name_prefix}-*"]
        Permission   = ["aoss:CreateIndex", "aoss:UpdateIndex", "aoss:DescribeIndex", "aoss:WriteDocument"]
      },
      {
        ResourceType = "collection"
        Resource     = ["collection/${var.serverless_data_access_policy.collection_name}"]
        Permission   = ["aoss:DescribeCollectionItems", "aoss:CreateCollectionItems", "aoss:UpdateCollectionItems"]
      },
    ]
  }])

  lifecycle {
    precondition {
      condition     = var.serverless_data_access_policy.collection_name != null
      error_message = "serverless_data_access_policy.collection_name is required with es_sigv4_service = \"aoss\" (or set serverless_data_access_policy.enabled = false)."
    }
  }
}
