package io.github.logway.local.audit;

import io.github.logway.local.S3Location;
import io.github.logway.local.UsageException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The command line of {@code audit}, validated.
 *
 * @param sent the NDJSON file of sent records
 * @param destinations where to look, in command-line order
 * @param logIdField the log id field
 */
record AuditOptions(Path sent, List<Target> destinations, String logIdField) {

    AuditOptions {
        Objects.requireNonNull(sent, "sent");
        destinations = List.copyOf(destinations);
        Objects.requireNonNull(logIdField, "logIdField");
    }

    /** One destination as given on the command line. */
    sealed interface Target {
    }

    /** {@code --s3 s3://BUCKET/PREFIX}. */
    record S3Target(S3Location location) implements Target {
    }

    /** {@code --es URL --index PATTERN}. */
    record OpenSearchTarget(URI url, String indexPattern) implements Target {
    }

    /** {@code --stream NAME}. */
    record StreamTarget(String stream) implements Target {
    }

    /**
     * Reads the arguments after {@code audit}.
     *
     * @param args the arguments
     * @return the options
     * @throws UsageException when one is missing, unknown or malformed
     */
    static AuditOptions parse(List<String> args) {
        Path sent = null;
        List<Target> destinations = new ArrayList<>();
        String logIdField = LogIdReader.DEFAULT_FIELD;
        URI es = null;
        String index = null;
        int esPosition = -1;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--sent" -> {
                    if (sent != null) {
                        throw new UsageException("--sent is given twice");
                    }
                    sent = Path.of(value(args, ++i, option));
                }
                case "--s3" -> {
                    String text = value(args, ++i, option);
                    try {
                        destinations.add(new S3Target(S3Location.parse(text)));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--s3 " + e.getMessage());
                    }
                }
                case "--es" -> {
                    if (es != null) {
                        throw new UsageException("--es is given twice");
                    }
                    es = url(value(args, ++i, option));
                    esPosition = destinations.size();
                }
                case "--index" -> {
                    if (index != null) {
                        throw new UsageException("--index is given twice");
                    }
                    index = indexPattern(value(args, ++i, option));
                }
                case "--stream" -> {
                    String stream = value(args, ++i, option);
                    if (stream.isBlank()) {
                        throw new UsageException("--stream needs a stream NAME");
                    }
                    destinations.add(new StreamTarget(stream));
                }
                case "--log-id-field" -> {
                    logIdField = value(args, ++i, option);
                    if (logIdField.isEmpty()) {
                        throw new UsageException("--log-id-field must not be empty");
                    }
                }
                default -> throw new UsageException("unknown option '" + option + "'");
            }
        }
        if (sent == null) {
            throw new UsageException("--sent FILE is required");
        }
        if ((es == null) != (index == null)) {
            throw new UsageException("--es URL and --index PATTERN go together");
        }
        if (es != null) {
            destinations.add(esPosition, new OpenSearchTarget(es, index));
        }
        if (destinations.isEmpty()) {
            throw new UsageException("name at least one destination: --s3, --es with --index, or --stream");
        }
        return new AuditOptions(sent, destinations, logIdField);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index);
    }

    /** {@code http(s)://HOST[:PORT]}, or {@code HOST[:PORT]} for https (as {@code ES_HOST} reads it). */
    static URI url(String text) {
        String withScheme = text.contains("://") ? text : "https://" + text;
        URI uri;
        try {
            uri = URI.create(withScheme);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--es must be a URL such as http://127.0.0.1:9200, got '" + text + "'");
        }
        if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new UsageException("--es must be a URL such as http://127.0.0.1:9200, got '" + text + "'");
        }
        return uri;
    }

    private static String indexPattern(String text) {
        if (text.isEmpty() || text.contains("/") || text.contains("?") || text.contains("#")
                || text.chars().anyMatch(Character::isWhitespace)) {
            throw new UsageException("--index must be an index name or pattern such as logway-*, got '" + text + "'");
        }
        return text;
    }
}
