package io.github.logway.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One {@code glob=log_type} entry of {@code CWL_LOG_TYPE_MAP}. In the glob, {@code *} matches any run of
 * characters (slashes included) and {@code ?} one character; everything else is literal.
 */
public record LogTypeMapping(String glob, String logType, Pattern pattern) {

    public LogTypeMapping {
        Objects.requireNonNull(glob, "glob");
        Objects.requireNonNull(logType, "logType");
        Objects.requireNonNull(pattern, "pattern");
    }

    public static LogTypeMapping of(String glob, String logType) {
        return new LogTypeMapping(glob, logType, globToPattern(glob));
    }

    public boolean matches(String logGroup) {
        return pattern.matcher(logGroup).matches();
    }

    /**
     * Parses {@code /aws/lambda/*=lambda,/ecs/*=ecs}. Blank input yields an empty list.
     *
     * @throws IllegalArgumentException naming the first malformed entry
     */
    public static List<LogTypeMapping> parseList(String text) {
        List<LogTypeMapping> mappings = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return mappings;
        }
        for (String entry : text.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.lastIndexOf('=');
            if (eq <= 0 || eq == trimmed.length() - 1) {
                throw new IllegalArgumentException("entry '" + trimmed + "' is not glob=log_type");
            }
            mappings.add(of(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim()));
        }
        return mappings;
    }

    private static Pattern globToPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
