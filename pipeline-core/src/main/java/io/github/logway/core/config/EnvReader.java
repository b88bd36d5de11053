package io.github.logway.core.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads environment variables, collecting every problem instead of throwing at the first one. Read all
 * variables, then call {@link #throwIfInvalid()} once.
 *
 * <p>Values are trimmed; an empty or blank value counts as unset, so the default applies. A bad value records a
 * problem naming the variable, the value and what is allowed, and the method returns the default.
 */
public final class EnvReader {

    /** Values longer than this are cut in problem messages. */
    private static final int MAX_SHOWN_VALUE_CHARS = 200;

    private final Map<String, String> env;
    private final Set<String> problems = new LinkedHashSet<>();

    /** @param env the variables, usually {@link System#getenv()} */
    public EnvReader(Map<String, String> env) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    }

    /** A reader of this process's environment. */
    public static EnvReader ofSystem() {
        return new EnvReader(System.getenv());
    }

    /** The trimmed value, or empty when unset or blank. */
    public Optional<String> optional(String name) {
        String raw = env.get(name);
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.trim();
        return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
    }

    /** The trimmed value, or {@code defaultValue} when unset. */
    public String string(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    /** The trimmed value; when unset, records {@code NAME is required} and returns an empty string. */
    public String required(String name) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            problem(name + " is required");
            return "";
        }
        return value.get();
    }

    /** A decimal integer in {@code [min, max]}. */
    public int intInRange(String name, int defaultValue, int min, int max) {
        return (int) longInRange(name, defaultValue, min, max);
    }

    /** A decimal integer in {@code [min, max]}. */
    public long longInRange(String name, long defaultValue, long min, long max) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.get());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        invalid(name, value.get(), "must be an integer from " + min + " to " + max);
        return defaultValue;
    }

    /** An ISO-8601 duration such as {@code P7D}, {@code PT5M} or {@code PT0.5S}. */
    public Duration isoDuration(String name, Duration defaultValue) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Duration.parse(value.get());
        } catch (DateTimeParseException e) {
            invalid(name, value.get(), "must be an ISO-8601 duration such as P7D or PT5M");
            return defaultValue;
        }
    }

    /**
     * One of the constants of {@code type}, matched without regard to case ({@code gzip} selects {@code GZIP});
     * the problem lists the allowed values in lower case.
     */
    public <E extends Enum<E>> E enumValue(String name, E defaultValue, Class<E> type) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.get())) {
                return constant;
            }
        }
        invalid(name, value.get(), "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
        return defaultValue;
    }

    /** {@code true} or {@code false} (any case); nothing else ({@code yes}, {@code 1}) is accepted. */
    public boolean bool(String name, boolean defaultValue) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        if (value.get().equalsIgnoreCase("true")) {
            return true;
        }
        if (value.get().equalsIgnoreCase("false")) {
            return false;
        }
        invalid(name, value.get(), "must be true or false");
        return defaultValue;
    }

    /** A comma-separated list: items trimmed, empty items dropped; unset gives an empty list. */
    public List<String> commaList(String name) {
        Optional<String> value = optional(name);
        List<String> items = new ArrayList<>();
        if (value.isPresent()) {
            for (String item : value.get().split(",")) {
                String trimmed = item.trim();
                if (!trimmed.isEmpty()) {
                    items.add(trimmed);
                }
            }
        }
        return List.copyOf(items);
    }

    /** A time-zone id such as {@code UTC}, {@code Asia/Tokyo} or {@code +09:00}. */
    public ZoneId zoneId(String name, ZoneId defaultValue) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return ZoneId.of(value.get());
        } catch (DateTimeException e) {
            invalid(name, value.get(), "must be a time-zone id such as UTC or Asia/Tokyo");
            return defaultValue;
        }
    }

    /** Records {@code NAME='value': allowed}: for checks this class does not cover. */
    public void invalid(String name, String value, String allowed) {
        problem(name + "='" + shown(value) + "': " + allowed);
    }

    /** Records a problem line as is (e.g. {@code CWL_LOG_TYPE_MAP is required when CWL_TEXT_MODE=wrap}). */
    public void problem(String line) {
        problems.add(Objects.requireNonNull(line, "line"));
    }

    /** The problems found so far, in order, without duplicates. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Throws a {@link ConfigException} listing every problem, if there is any. */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems());
        }
    }

    /** The value as shown in a problem line: control characters escaped (one problem per line), long values cut. */
    private static String shown(String value) {
        String cut = value.length() <= MAX_SHOWN_VALUE_CHARS
                ? value
                : value.substring(0, MAX_SHOWN_VALUE_CHARS) + "...(" + value.length() + " chars)";
        StringBuilder shown = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (c == '\n') {
                shown.append("\\n");
            } else if (c == '\r') {
                shown.append("\\r");
            } else if (c == '\t') {
                shown.append("\\t");
            } else if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }
}
