package io.github.logway.local.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The documents of an index pattern whose log id field holds a sent id, found with {@code _search} and a
 * {@code terms} query on that field (a {@code keyword} in Logway's index template), a chunk of ids at a time.
 *
 * <p>Why not {@code _mget} by {@code _id}: it needs concrete index names (Logway writes one index per log type
 * and day), and it cannot see a document indexed twice, under two ids or with {@code ES_DOCUMENT_ID=none}.
 * Why no paging: each chunk's answer holds every hit ({@code track_total_hits} tells); a chunk with more hits
 * than one answer carries is split in two and asked again, so copies of one id are never skipped, as {@code
 * search_after} on the id alone would skip them. OpenSearch is duplicate-free (PRODUCT.md §3): a sent id found
 * twice is a failure.
 */
final class OpenSearchDestination implements AuditDestination {

    /** Ids per {@code terms} query; OpenSearch's {@code index.max_terms_count} default is 65,536. */
    static final int IDS_PER_QUERY = 1_000;
    /** Hits per answer: OpenSearch's default {@code index.max_result_window}. */
    static final int MAX_HITS_PER_QUERY = 10_000;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERROR_BODY_CHARS = 300;

    private final HttpClient http;
    private final URI searchUri;
    private final String name;
    private final String authorization;
    private final String field;

    /**
     * @param http the client
     * @param base the cluster's URL: {@code http(s)://[user:password@]HOST[:PORT]}; user info becomes basic
     *     authentication
     * @param indexPattern the indices to search, such as {@code logway-*}
     * @param field the log id field
     */
    OpenSearchDestination(HttpClient http, URI base, String indexPattern, String field) {
        this.http = Objects.requireNonNull(http, "http");
        this.field = Objects.requireNonNull(field, "field");
        Objects.requireNonNull(indexPattern, "indexPattern");
        String basePath = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        try {
            URI withoutUser = new URI(base.getScheme(), null, base.getHost(), base.getPort(), basePath, null, null);
            this.name = withoutUser + "/" + indexPattern;
            this.searchUri = new URI(base.getScheme(), null, base.getHost(), base.getPort(),
                    basePath + "/" + indexPattern + "/_search", "ignore_unavailable=true&allow_no_indices=true", null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a usable URL: " + base + " with index " + indexPattern, e);
        }
        this.authorization = base.getRawUserInfo() == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                java.net.URLDecoder.decode(base.getRawUserInfo(), StandardCharsets.UTF_8)
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean duplicatesAllowed() {
        return false;
    }

    @Override
    public void collect(IdTally tally) {
        List<String> chunk = new ArrayList<>(IDS_PER_QUERY);
        for (String id : tally.sentIds()) {
            chunk.add(id);
            if (chunk.size() == IDS_PER_QUERY) {
                search(chunk, tally);
                chunk = new ArrayList<>(IDS_PER_QUERY);
            }
        }
        if (!chunk.isEmpty()) {
            search(chunk, tally);
        }
    }

    private void search(List<String> ids, IdTally tally) {
        JsonNode hits = post(query(ids)).path("hits");
        long total = hits.path("total").path("value").asLong();
        JsonNode documents = hits.path("hits");
        if (total > documents.size()) {
            if (ids.size() == 1) {
                // More copies of one id than an answer carries: the total counts them.
                tally.count(ids.get(0), total);
                return;
            }
            int half = ids.size() / 2;
            search(ids.subList(0, half), tally);
            search(ids.subList(half, ids.size()), tally);
            return;
        }
        for (JsonNode document : documents) {
            JsonNode id = document.path("_source").path(field);
            if (id.isTextual()) {
                tally.count(id.asText());
            } else {
                tally.countWithoutId();
            }
        }
    }

    private String query(List<String> ids) {
        ObjectNode body = JSON.createObjectNode();
        body.put("size", MAX_HITS_PER_QUERY);
        body.put("track_total_hits", true);
        body.putArray("_source").add(field);
        ArrayNode terms = body.putObject("query").putObject("terms").putArray(field);
        ids.forEach(terms::add);
        return body.toString();
    }

    private JsonNode post(String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(searchUri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AuditDestinationException("cannot reach " + name + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditDestinationException("interrupted while searching " + name, e);
        }
        if (response.statusCode() != 200) {
            String text = response.body();
            throw new AuditDestinationException("search of " + name + " answered HTTP " + response.statusCode() + ": "
                    + (text.length() > ERROR_BODY_CHARS ? text.substring(0, ERROR_BODY_CHARS) + "..." : text));
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AuditDestinationException("search of " + name + " answered something that is not JSON", e);
        }
    }
}
