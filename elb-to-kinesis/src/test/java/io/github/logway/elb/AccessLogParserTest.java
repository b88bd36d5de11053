package io.github.logway.elb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.schema.FieldNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessLogParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOG_ID = "0b7c6f0e-1d2a-8b3c-9d4e-5f6a7b8c9d0e";

    private final AccessLogParser parser = new AccessLogParser(FieldNames.DEFAULTS, "alb", "elb");

    @Test
    void parse_albHttpLine_writesSchemaFieldsFirstThenEveryFieldTyped() throws Exception {
        ConvertedLine converted = converted(Fixtures.albCase("http"));
        JsonNode record = JSON.readTree(converted.json());

        assertThat(fieldNames(record).subList(0, 4)).containsExactly("log_type", "log_id", "time", "type");
        assertThat(record.get("log_type").asText()).isEqualTo("alb");
        assertThat(record.get("log_id").asText()).isEqualTo(LOG_ID);
        assertThat(record.get("time").asText()).isEqualTo("2026-11-24T10:15:30.123456Z");
        assertThat(record.get("type").asText()).isEqualTo("http");
        assertThat(record.get("elb").asText()).isEqualTo("app/shop-front/5f3c9e2a7b1d4c60");
        assertThat(record.get("client_ip").asText()).isEqualTo("203.0.113.17");
        assertThat(record.get("client_port").isInt()).isTrue();
        assertThat(record.get("client_port").asInt()).isEqualTo(51234);
        assertThat(record.get("target_ip").asText()).isEqualTo("10.20.1.15");
        assertThat(record.get("target_port").asInt()).isEqualTo(8080);
        assertThat(record.get("request_processing_time").isNumber()).isTrue();
        assertThat(record.get("target_processing_time").asDouble()).isEqualTo(0.012);
        assertThat(record.get("elb_status_code").asInt()).isEqualTo(200);
        assertThat(record.get("target_status_code").asInt()).isEqualTo(200);
        assertThat(record.get("received_bytes").asLong()).isEqualTo(187);
        assertThat(record.get("sent_bytes").asLong()).isEqualTo(1532);
        assertThat(record.get("request_method").asText()).isEqualTo("GET");
        assertThat(record.get("request_url").asText()).isEqualTo("http://shop.example.org:80/catalog?page=2");
        assertThat(record.get("request_protocol").asText()).isEqualTo("HTTP/1.1");
        assertThat(record.get("user_agent").asText()).startsWith("Mozilla/5.0 (X11; Linux x86_64");
        assertThat(record.get("ssl_cipher").isNull()).isTrue();
        assertThat(record.get("ssl_protocol").isNull()).isTrue();
        assertThat(record.get("target_group_arn").asText()).endsWith("targetgroup/shop-web/9a8b7c6d5e4f3a21");
        assertThat(record.get("trace_id").asText()).isEqualTo("Root=1-6742f1a2-0a1b2c3d4e5f60718293a4b5");
        assertThat(record.get("domain_name").isNull()).isTrue();
        assertThat(record.get("chosen_cert_arn").isNull()).isTrue();
        assertThat(record.get("matched_rule_priority").asInt()).isZero();
        assertThat(record.get("request_creation_time").asText()).isEqualTo("2026-11-24T10:15:30.110000Z");
        assertThat(record.get("actions_executed").asText()).isEqualTo("forward");
        assertThat(record.get("redirect_url").isNull()).isTrue();
        assertThat(record.get("error_reason").isNull()).isTrue();
        assertThat(texts(record.get("target_port_list"))).containsExactly("10.20.1.15:8080");
        assertThat(record.get("target_status_code_list").get(0).isInt()).isTrue();
        assertThat(record.get("target_status_code_list").get(0).asInt()).isEqualTo(200);
        assertThat(record.get("classification").isNull()).isTrue();
        assertThat(record.get("classification_reason").isNull()).isTrue();
        assertThat(record.get("conn_trace_id").asText()).isEqualTo("TID_4f2a9c1e7b3d48a6a5e0c9d8b7f61234");
        assertThat(record.get("transformed_host").isNull()).isTrue();
        assertThat(record.get("transformed_uri").isNull()).isTrue();
        assertThat(record.get("request_transform_status").isNull()).isTrue();
        assertThat(record.has("extra_fields")).isFalse();
        assertThat(record.has("client:port")).isFalse();
        assertThat(record.has("request")).isFalse();
        assertThat(converted.clientIp()).isEqualTo("203.0.113.17");
    }

    @Test
    void parse_albHttpsLine_keepsCipherCertificateAndActions() throws Exception {
        JsonNode record = record(Fixtures.albCase("https"));

        assertThat(record.get("type").asText()).isEqualTo("https");
        assertThat(record.get("ssl_cipher").asText()).isEqualTo("TLS_AES_128_GCM_SHA256");
        assertThat(record.get("ssl_protocol").asText()).isEqualTo("TLSv1.3");
        assertThat(record.get("domain_name").asText()).isEqualTo("shop.example.org");
        assertThat(record.get("chosen_cert_arn").asText()).startsWith("arn:aws:acm:ap-northeast-1:");
        assertThat(record.get("matched_rule_priority").asInt()).isEqualTo(3);
        assertThat(record.get("actions_executed").asText()).isEqualTo("authenticate,forward");
        assertThat(record.get("request_method").asText()).isEqualTo("POST");
        assertThat(record.get("request_processing_time").asDouble()).isEqualTo(0.086);
    }

    @Test
    void parse_albH2Line_keepsHttp2Protocol() throws Exception {
        JsonNode record = record(Fixtures.albCase("h2"));

        assertThat(record.get("type").asText()).isEqualTo("h2");
        assertThat(record.get("request_protocol").asText()).isEqualTo("HTTP/2.0");
        assertThat(record.get("request_url").asText()).isEqualTo("https://api.example.org:443/v2/items?limit=50");
        assertThat(record.get("elb_status_code").asInt()).isEqualTo(204);
    }

    @Test
    void parse_albWebSocketLines_writeStatus101AndNullUserAgent() throws Exception {
        JsonNode ws = record(Fixtures.albCase("ws"));
        JsonNode wss = record(Fixtures.albCase("wss"));

        assertThat(ws.get("type").asText()).isEqualTo("ws");
        assertThat(ws.get("elb_status_code").asInt()).isEqualTo(101);
        assertThat(ws.get("user_agent").isNull()).isTrue();
        assertThat(ws.get("time").asText()).isEqualTo("2026-11-24T10:20:00.000500Z");
        assertThat(ws.get("request_creation_time").asText()).isEqualTo("2026-11-24T10:15:33.364000Z");
        assertThat(wss.get("type").asText()).isEqualTo("wss");
        assertThat(wss.get("ssl_protocol").asText()).isEqualTo("TLSv1.2");
        assertThat(wss.get("target_port").asInt()).isEqualTo(8010);
    }

    @Test
    void parse_albLambdaTarget_writesNullTargetAddressAndEmptyLists() throws Exception {
        JsonNode record = record(Fixtures.albCase("lambda"));

        assertThat(record.get("target_ip").isNull()).isTrue();
        assertThat(record.get("target_port").isNull()).isTrue();
        assertThat(record.get("target_status_code").asInt()).isEqualTo(200);
        assertThat(record.get("target_port_list").isNull()).isTrue();
        assertThat(record.get("target_status_code_list").isNull()).isTrue();
        assertThat(record.get("target_group_arn").asText()).endsWith("targetgroup/shop-hooks/3d4e5f6a7b8c9d0e");
    }

    @Test
    void parse_albLambdaError_writesErrorReasonAndNullTargetStatus() throws Exception {
        JsonNode record = record(Fixtures.albCase("lambda-error"));

        assertThat(record.get("elb_status_code").asInt()).isEqualTo(502);
        assertThat(record.get("target_status_code").isNull()).isTrue();
        assertThat(record.get("error_reason").asText()).isEqualTo("LambdaInvalidResponse");
    }

    @Test
    void parse_albRedirect_writesRedirectUrlAndNegativeProcessingTime() throws Exception {
        JsonNode record = record(Fixtures.albCase("redirect"));

        assertThat(record.get("actions_executed").asText()).isEqualTo("redirect");
        assertThat(record.get("redirect_url").asText()).isEqualTo("https://shop.example.org:443/catalog");
        assertThat(record.get("elb_status_code").asInt()).isEqualTo(301);
        assertThat(record.get("target_processing_time").isNumber()).isTrue();
        assertThat(record.get("target_processing_time").asInt()).isEqualTo(-1);
        assertThat(record.get("target_group_arn").isNull()).isTrue();
    }

    @Test
    void parse_albErrorLine_writesErrorReasonAndClassification() throws Exception {
        JsonNode record = record(Fixtures.albCase("error"));

        assertThat(record.get("error_reason").asText()).isEqualTo("TargetResponseError");
        assertThat(record.get("classification").asText()).isEqualTo("Ambiguous");
        assertThat(record.get("classification_reason").asText()).isEqualTo("UndefinedContentLengthSemantics");
        assertThat(record.get("response_processing_time").asInt()).isEqualTo(-1);
        assertThat(record.get("target_status_code_list").isNull()).isTrue();
    }

    @Test
    void parse_escapedQuoteIpv6ClientAndTransform_unescapesAndStripsBrackets() throws Exception {
        ConvertedLine converted = converted(Fixtures.albCase("escaped"));
        JsonNode record = JSON.readTree(converted.json());

        assertThat(record.get("user_agent").asText()).isEqualTo("agent \"quoted\" 1.0");
        assertThat(record.get("client_ip").asText()).isEqualTo("2001:db8::17");
        assertThat(record.get("client_port").asInt()).isEqualTo(51000);
        assertThat(record.get("transformed_host").asText()).isEqualTo("internal.shop.example.org");
        assertThat(record.get("transformed_uri").asText()).isEqualTo("/v1/search?q=a%20b");
        assertThat(record.get("request_transform_status").asText()).isEqualTo("TransformSuccess");
        assertThat(converted.clientIp()).isEqualTo("2001:db8::17");
    }

    @Test
    void parse_lineWithExtraTrailingFields_keepsThemInExtraFields() throws Exception {
        JsonNode record = record(Fixtures.albCase("extra-trailing"));

        assertThat(record.get("request_transform_status").isNull()).isTrue();
        assertThat(texts(record.get("extra_fields"))).containsExactly("future-field", "42");
    }

    @Test
    void parse_olderLineWithFewerFields_writesOnlyTheFieldsItHas() throws Exception {
        JsonNode record = record(Fixtures.albCase("older"));

        assertThat(record.get("trace_id").asText()).isEqualTo("Root=1-6742f1ad-ddeeff001122334455667788");
        assertThat(record.has("domain_name")).isFalse();
        assertThat(record.has("request_creation_time")).isFalse();
    }

    @Test
    void parse_unterminatedQuote_isInvalidWithReason() {
        LineOutcome outcome = parse(Fixtures.albCase("malformed-quote"));

        assertThat(outcome).isInstanceOf(InvalidLine.class);
        assertThat(((InvalidLine) outcome).detail()).isEqualTo("field 13 has text after its closing quote");
    }

    @Test
    void parse_nonNumericByteCount_isInvalidNamingTheField() {
        LineOutcome outcome = parse(Fixtures.albCase("malformed-number"));

        assertThat(outcome).isEqualTo(new InvalidLine("field received_bytes is not a number"));
    }

    @Test
    void parse_truncatedLine_isInvalidCountingFields() {
        LineOutcome outcome = parse(Fixtures.albCase("malformed-short"));

        assertThat(outcome).isEqualTo(new InvalidLine("ALB line has 6 fields, at least 18 expected"));
    }

    @Test
    void parse_classicHttpLine_usesTimestampAsTimeAndSplitsBackend() throws Exception {
        ConvertedLine converted = converted(Fixtures.classicCase("http"));
        JsonNode record = JSON.readTree(converted.json());

        assertThat(fieldNames(record)).containsExactly("log_type", "log_id", "time", "timestamp", "elb",
                "client_ip", "client_port", "backend_ip", "backend_port", "request_processing_time",
                "backend_processing_time", "response_processing_time", "elb_status_code", "backend_status_code",
                "received_bytes", "sent_bytes", "request_method", "request_url", "request_protocol", "user_agent",
                "ssl_cipher", "ssl_protocol");
        assertThat(record.get("log_type").asText()).isEqualTo("elb");
        assertThat(record.get("time").asText()).isEqualTo("2026-11-24T10:15:31.004321Z");
        assertThat(record.get("timestamp").asText()).isEqualTo("2026-11-24T10:15:31.004321Z");
        assertThat(record.get("backend_ip").asText()).isEqualTo("10.30.0.8");
        assertThat(record.get("backend_port").asInt()).isEqualTo(80);
        assertThat(record.get("backend_processing_time").asDouble()).isEqualTo(0.002817);
        assertThat(record.get("backend_status_code").asInt()).isEqualTo(200);
        assertThat(converted.clientIp()).isEqualTo("198.51.100.23");
    }

    @Test
    void parse_classicHttpsLine_keepsCipherAndProtocol() throws Exception {
        JsonNode record = record(Fixtures.classicCase("https"));

        assertThat(record.get("ssl_cipher").asText()).isEqualTo("ECDHE-RSA-AES128-GCM-SHA256");
        assertThat(record.get("ssl_protocol").asText()).isEqualTo("TLSv1.2");
        assertThat(record.get("request_url").asText()).isEqualTo("https://legacy.example.org:443/account");
    }

    @Test
    void parse_classicTcpLine_writesNullRequestPartsAndStatusCodes() throws Exception {
        JsonNode record = record(Fixtures.classicCase("tcp"));

        assertThat(record.get("request_method").isNull()).isTrue();
        assertThat(record.get("request_url").isNull()).isTrue();
        assertThat(record.get("request_protocol").isNull()).isTrue();
        assertThat(record.get("elb_status_code").isNull()).isTrue();
        assertThat(record.get("backend_status_code").isNull()).isTrue();
        assertThat(record.get("sent_bytes").asInt()).isEqualTo(893);
    }

    @Test
    void parse_classicWithoutBackend_writesNullBackendAndMinusOneTimes() throws Exception {
        JsonNode record = record(Fixtures.classicCase("no-backend"));

        assertThat(record.get("backend_ip").isNull()).isTrue();
        assertThat(record.get("backend_port").isNull()).isTrue();
        assertThat(record.get("request_processing_time").asInt()).isEqualTo(-1);
        assertThat(record.get("elb_status_code").asInt()).isEqualTo(503);
    }

    @Test
    void parse_customTimeFieldName_writesTimeUnderItAndKeepsAlbTime() throws Exception {
        AccessLogParser custom = new AccessLogParser(new FieldNames("kind", "id", "@timestamp"), "web", "legacy");
        byte[] line = Fixtures.albCase("http").getBytes(StandardCharsets.UTF_8);
        ConvertedLine converted = (ConvertedLine) custom.parse(line, 0, line.length, LOG_ID);
        JsonNode record = JSON.readTree(converted.json());

        assertThat(fieldNames(record).subList(0, 5)).containsExactly("kind", "id", "@timestamp", "type", "time");
        assertThat(record.get("@timestamp").asText()).isEqualTo(record.get("time").asText());
        assertThat(record.get("kind").asText()).isEqualTo("web");
    }

    @Test
    void parse_lineThatIsNotUtf8_isInvalidNamingTheByte() {
        byte[] line = Fixtures.albCase("http").getBytes(StandardCharsets.UTF_8);
        line[40] = (byte) 0xff;

        assertThat(parser.parse(line, 0, line.length, LOG_ID))
                .isEqualTo(new InvalidLine("not valid UTF-8 at byte 40"));
    }

    @Test
    void parse_invalidUtf8InsideAQuotedField_isInvalid() {
        String text = Fixtures.albCase("http");
        byte[] line = text.getBytes(StandardCharsets.UTF_8);
        int inUserAgent = text.indexOf("Firefox");
        line[inUserAgent] = (byte) 0xc3;
        line[inUserAgent + 1] = (byte) 0x28;

        assertThat(parser.parse(line, 0, line.length, LOG_ID))
                .isEqualTo(new InvalidLine("not valid UTF-8 at byte " + inUserAgent));
    }

    @Test
    void parse_controlCharactersAndNonAsciiInAField_areEscapedOrKeptAsValidJson() throws Exception {
        String line = Fixtures.albCase("http").replace("Firefox/132.0", "Firefox/132.0\t\u0001 ブラウザ \\\\ end");
        JsonNode record = record(line);

        assertThat(record.get("user_agent").asText()).endsWith("Firefox/132.0\t\u0001 ブラウザ \\ end");
    }

    @Test
    void parse_schemaHeader_isTheRecordStartWithTheThreeSchemaFields() {
        ConvertedLine converted = converted(Fixtures.albCase("http"));

        String header = new String(converted.json(), 0, converted.schemaHeaderBytes(), StandardCharsets.UTF_8);
        assertThat(header + "}").isEqualTo("{\"log_type\":\"alb\",\"log_id\":\"" + LOG_ID
                + "\",\"time\":\"2026-11-24T10:15:30.123456Z\"}");
    }

    @Test
    void isNumber_acceptsJsonNumbersOnly() {
        assertThat(isNumber("0.000")).isTrue();
        assertThat(isNumber("-1")).isTrue();
        assertThat(isNumber("1532")).isTrue();
        assertThat(isNumber("007")).isFalse();
        assertThat(isNumber("1.")).isFalse();
        assertThat(isNumber("1e5")).isFalse();
        assertThat(isNumber("")).isFalse();
    }

    private static boolean isNumber(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return AccessLogParser.isNumber(bytes, 0, bytes.length);
    }

    private LineOutcome parse(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 0, bytes.length, LOG_ID);
    }

    private ConvertedLine converted(String line) {
        LineOutcome outcome = parse(line);
        assertThat(outcome).isInstanceOf(ConvertedLine.class);
        return (ConvertedLine) outcome;
    }

    private JsonNode record(String line) throws Exception {
        return JSON.readTree(converted(line).json());
    }

    private static List<String> fieldNames(JsonNode record) {
        List<String> names = new ArrayList<>();
        record.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
