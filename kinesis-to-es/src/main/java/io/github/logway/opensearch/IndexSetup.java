package io.github.logway.opensearch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.logway.core.FatalException;
import io.github.logway.core.log.JsonLogger;
import io.github.logway.schema.FieldNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The optional cold-start setup (PRODUCT.md §5): an index template for {@code {prefix}-*} ({@code time} as
 * {@code date}, {@code log_type} and {@code log_id} as {@code keyword}) and a retention policy deleting indices
 * {@code ES_RETENTION_DAYS} days after creation. The retention API is found by probing {@code _plugins/_ism}
 * (OpenSearch), {@code _opendistro/_ism} (Amazon Elasticsearch 7.x domains), then {@code _ilm} (Elasticsearch).
 * Both steps are idempotent: the template is put as a whole, an ISM policy only when missing or different
 * (with optimistic concurrency), an ILM policy as a whole.
 *
 * <p>401 and 403 fail the cold start ({@link FatalException}); other failures are logged as warnings and
 * indexing goes on (the steps are conveniences, not prerequisites). OpenSearch Serverless gets the template
 * only: it has no ISM (retention is the collection's data lifecycle policy).
 */
final class IndexSetup {

    /** Which retention API the cluster offers. */
    enum RetentionApi {
        /** OpenSearch Index State Management: {@code _plugins/_ism}. */
        PLUGINS_ISM("/_plugins/_ism"),
        /** Open Distro ISM on Amazon Elasticsearch 7.x domains: {@code _opendistro/_ism}. */
        OPENDISTRO_ISM("/_opendistro/_ism"),
        /** Elasticsearch index lifecycle management: {@code _ilm}. */
        ILM("/_ilm"),
        /** None found. */
        NONE("");

        private final String base;

        RetentionApi(String base) {
            this.base = base;
        }

        String base() {
            return base;
        }
    }

    /** What the setup did, for logs and tests. */
    record Report(boolean templateInstalled, RetentionApi retentionApi, String retentionAction) {}

    private static final JsonFactory JSON = new JsonFactory();

    /** Template priority: above OpenSearch's defaults (0), below templates operators add deliberately. */
    private static final int TEMPLATE_PRIORITY = 50;

    /** How long each setup request may take; the cold start must stay well inside Lambda's 10 s init phase. */
    private static final Duration SETUP_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final OpenSearchTransport transport;
    private final String prefix;
    private final FieldNames fieldNames;
    private final boolean serverless;
    private final JsonLogger logger;

    IndexSetup(OpenSearchTransport transport, String prefix, FieldNames fieldNames, boolean serverless,
            JsonLogger logger) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.fieldNames = Objects.requireNonNull(fieldNames, "fieldNames");
        this.serverless = serverless;
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    /** The name of the index template and of the retention policy. */
    String resourceName() {
        return "logway-" + prefix;
    }

    /**
     * Runs the configured steps.
     *
     * @param installTemplate {@code ES_INSTALL_TEMPLATE}
     * @param retentionDays {@code ES_RETENTION_DAYS}; 0 skips retention
     * @return what was done
     * @throws FatalException when OpenSearch answers 401 or 403
     */
    Report run(boolean installTemplate, int retentionDays) {
        RetentionApi api = RetentionApi.NONE;
        String retentionAction = "off";
        if (retentionDays > 0 && !serverless) {
            api = probeRetentionApi();
            retentionAction = installRetention(api, retentionDays);
        }
        boolean template = installTemplate && installTemplate(api == RetentionApi.ILM && retentionDays > 0);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("template", template ? resourceName() : "not installed");
        fields.put("retention_api", api.name().toLowerCase(java.util.Locale.ROOT));
        fields.put("retention", retentionAction);
        logger.info("index setup done", fields);
        return new Report(template, api, retentionAction);
    }

    /** Finds the retention API by probing; {@link RetentionApi#NONE} when none answers. */
    RetentionApi probeRetentionApi() {
        for (RetentionApi api : new RetentionApi[] {RetentionApi.PLUGINS_ISM, RetentionApi.OPENDISTRO_ISM}) {
            HttpResult result = call(HttpCall.withoutBody("GET", api.base() + "/policies?size=1",
                    SETUP_REQUEST_TIMEOUT));
            // An ISM plugin without any policy yet may answer 404 index_not_found_exception for its config index.
            if (result != null && (result.successful()
                    || result.status() == 404 && result.bodyText().contains("index_not_found_exception"))) {
                return api;
            }
        }
        HttpResult ilm = call(HttpCall.withoutBody("GET", "/_ilm/status", SETUP_REQUEST_TIMEOUT));
        return ilm != null && ilm.successful() ? RetentionApi.ILM : RetentionApi.NONE;
    }

    private String installRetention(RetentionApi api, int days) {
        String path = api.base() + (api == RetentionApi.ILM ? "/policy/" : "/policies/") + resourceName();
        switch (api) {
            case NONE:
                logger.warn("ES_RETENTION_DAYS is set but the cluster offers no _plugins/_ism, _opendistro/_ism or"
                        + " _ilm API: no retention policy installed");
                return "no retention API";
            case ILM: {
                HttpResult put = call(HttpCall.json("PUT", path, ilmPolicy(days), SETUP_REQUEST_TIMEOUT));
                return put != null && put.successful() ? "ilm policy put" : warnFailed("ILM policy", put);
            }
            default: {
                byte[] wanted = ismPolicy(days, api == RetentionApi.OPENDISTRO_ISM);
                HttpResult existing = call(HttpCall.withoutBody("GET", path, SETUP_REQUEST_TIMEOUT));
                if (existing == null) {
                    return warnFailed("ISM policy lookup", null);
                }
                String query = "";
                if (existing.successful()) {
                    if (existing.bodyText().contains("\"min_index_age\":\"" + days + "d\"")
                            && existing.bodyText().contains("\"" + prefix + "-*\"")) {
                        return "ism policy unchanged";
                    }
                    long[] version = seqNoAndPrimaryTerm(existing.body());
                    if (version == null) {
                        return warnFailed("ISM policy lookup (no _seq_no)", existing);
                    }
                    query = "?if_seq_no=" + version[0] + "&if_primary_term=" + version[1];
                } else if (existing.status() != 404) {
                    return warnFailed("ISM policy lookup", existing);
                }
                HttpResult put = call(HttpCall.json("PUT", path + query, wanted, SETUP_REQUEST_TIMEOUT));
                if (put != null && put.successful()) {
                    return query.isEmpty() ? "ism policy created" : "ism policy updated";
                }
                if (put != null && put.status() == ItemVerdict.CONFLICT) {
                    return "ism policy written concurrently by another instance";
                }
                return warnFailed("ISM policy", put);
            }
        }
    }

    private boolean installTemplate(boolean withIlmPolicy) {
        HttpResult put = call(HttpCall.json("PUT", "/_index_template/" + resourceName(), template(withIlmPolicy),
                SETUP_REQUEST_TIMEOUT));
        if (put != null && put.successful()) {
            return true;
        }
        warnFailed("index template", put);
        return false;
    }

    /** The index template body. */
    byte[] template(boolean withIlmPolicy) {
        return json(generator -> {
            generator.writeStartObject();
            generator.writeArrayFieldStart("index_patterns");
            generator.writeString(prefix + "-*");
            generator.writeEndArray();
            generator.writeNumberField("priority", TEMPLATE_PRIORITY);
            generator.writeObjectFieldStart("template");
            if (withIlmPolicy) {
                generator.writeObjectFieldStart("settings");
                generator.writeStringField("index.lifecycle.name", resourceName());
                generator.writeEndObject();
            }
            generator.writeObjectFieldStart("mappings");
            generator.writeObjectFieldStart("properties");
            generator.writeObjectFieldStart(fieldNames.time());
            generator.writeStringField("type", "date");
            // ISO-8601 with T and 0-9 fraction digits, or epoch milliseconds; other valid forms (a space instead
            // of T, epoch seconds) must not cost the document: the field is then left unindexed.
            generator.writeStringField("format", "strict_date_optional_time||epoch_millis");
            generator.writeBooleanField("ignore_malformed", true);
            generator.writeEndObject();
            generator.writeObjectFieldStart(fieldNames.logType());
            generator.writeStringField("type", "keyword");
            generator.writeEndObject();
            generator.writeObjectFieldStart(fieldNames.logId());
            generator.writeStringField("type", "keyword");
            generator.writeEndObject();
            generator.writeEndObject();
            generator.writeEndObject();
            generator.writeEndObject();
            generator.writeObjectFieldStart("_meta");
            generator.writeStringField("managed_by", "logway kinesis-to-es");
            generator.writeEndObject();
            generator.writeEndObject();
        });
    }

    /** An ISM policy: a {@code hot} state moving to {@code delete} at {@code min_index_age}. */
    byte[] ismPolicy(int days, boolean openDistro) {
        return json(generator -> {
            generator.writeStartObject();
            generator.writeObjectFieldStart("policy");
            generator.writeStringField("description", "Logway: delete " + prefix + "-* indices " + days
                    + " days after creation");
            generator.writeStringField("default_state", "hot");
            generator.writeArrayFieldStart("states");
            generator.writeStartObject();
            generator.writeStringField("name", "hot");
            generator.writeArrayFieldStart("actions");
            generator.writeEndArray();
            generator.writeArrayFieldStart("transitions");
            generator.writeStartObject();
            generator.writeStringField("state_name", "delete");
            generator.writeObjectFieldStart("conditions");
            generator.writeStringField("min_index_age", days + "d");
            generator.writeEndObject();
            generator.writeEndObject();
            generator.writeEndArray();
            generator.writeEndObject();
            generator.writeStartObject();
            generator.writeStringField("name", "delete");
            generator.writeArrayFieldStart("actions");
            generator.writeStartObject();
            generator.writeObjectFieldStart("delete");
            generator.writeEndObject();
            generator.writeEndObject();
            generator.writeEndArray();
            generator.writeArrayFieldStart("transitions");
            generator.writeEndArray();
            generator.writeEndObject();
            generator.writeEndArray();
            if (openDistro) {
                generator.writeObjectFieldStart("ism_template");
                writeIsmTemplate(generator);
                generator.writeEndObject();
            } else {
                generator.writeArrayFieldStart("ism_template");
                generator.writeStartObject();
                writeIsmTemplate(generator);
                generator.writeEndObject();
                generator.writeEndArray();
            }
            generator.writeEndObject();
            generator.writeEndObject();
        });
    }

    private void writeIsmTemplate(JsonGenerator generator) throws IOException {
        generator.writeArrayFieldStart("index_patterns");
        generator.writeString(prefix + "-*");
        generator.writeEndArray();
        generator.writeNumberField("priority", TEMPLATE_PRIORITY);
    }

    /** An ILM policy deleting indices {@code days} after creation. */
    byte[] ilmPolicy(int days) {
        return json(generator -> {
            generator.writeStartObject();
            generator.writeObjectFieldStart("policy");
            generator.writeObjectFieldStart("phases");
            generator.writeObjectFieldStart("delete");
            generator.writeStringField("min_age", days + "d");
            generator.writeObjectFieldStart("actions");
            generator.writeObjectFieldStart("delete");
            generator.writeEndObject();
            generator.writeEndObject();
            generator.writeEndObject();
            generator.writeEndObject();
            generator.writeEndObject();
            generator.writeEndObject();
        });
    }

    /** Sends a call; 401/403 throw, I/O errors give {@code null}. */
    private HttpResult call(HttpCall call) {
        HttpResult result;
        try {
            result = transport.send(call);
        } catch (IOException e) {
            logger.warn("index setup request failed", Map.of("path", call.pathAndQuery(), "error",
                    e.getClass().getSimpleName() + ": " + e.getMessage()));
            return null;
        }
        if (result.status() == 401 || result.status() == 403) {
            throw new FatalException(OpenSearchSink.accessDenied(result.status(), result) + " (index setup: "
                    + call.method() + " " + call.pathAndQuery() + "; set ES_INSTALL_TEMPLATE=false and"
                    + " ES_RETENTION_DAYS=0 if the role may only write documents)");
        }
        return result;
    }

    private String warnFailed(String what, HttpResult result) {
        String summary = result == null ? "no response" : "HTTP " + result.status() + " "
                + OpenSearchSink.errorSummary(result);
        logger.warn(what + " not installed", Map.of("error", summary));
        return what + " failed: " + summary;
    }

    private static long[] seqNoAndPrimaryTerm(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            long seqNo = -1;
            long primaryTerm = -1;
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("_seq_no") && value == JsonToken.VALUE_NUMBER_INT) {
                    seqNo = parser.getLongValue();
                } else if (field.equals("_primary_term") && value == JsonToken.VALUE_NUMBER_INT) {
                    primaryTerm = parser.getLongValue();
                } else {
                    parser.skipChildren();
                }
            }
            return seqNo < 0 || primaryTerm < 0 ? null : new long[] {seqNo, primaryTerm};
        } catch (IOException e) {
            return null;
        }
    }

    @FunctionalInterface
    private interface JsonWriting {
        void write(JsonGenerator generator) throws IOException;
    }

    private static byte[] json(JsonWriting writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            writing.write(generator);
        } catch (IOException e) {
            throw new UncheckedIOException("JSON into memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
