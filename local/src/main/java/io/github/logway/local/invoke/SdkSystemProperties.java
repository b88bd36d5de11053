package io.github.logway.local.invoke;

import io.github.logway.local.stack.StackEndpoints;
import java.util.HashMap;
import java.util.Map;

/**
 * Sets the Java SDK's system properties from the SDK's standard variables of a handler environment ({@code
 * AWS_ENDPOINT_URL_S3} becomes {@code aws.endpointUrlS3}, ...), so the clients a handler builds see them as they
 * would see the variables in Lambda; {@link #close()} restores what was there before.
 */
final class SdkSystemProperties implements AutoCloseable {

    private final Map<String, String> previous = new HashMap<>();

    private SdkSystemProperties() {}

    /**
     * Applies every variable of {@link StackEndpoints#SDK_PROPERTIES} that {@code env} sets (non-blank).
     *
     * @param env the handler environment
     * @return what restores the earlier values
     */
    static SdkSystemProperties apply(Map<String, String> env) {
        SdkSystemProperties applied = new SdkSystemProperties();
        StackEndpoints.SDK_PROPERTIES.forEach((variable, property) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                applied.previous.put(property, System.getProperty(property));
                System.setProperty(property, value.trim());
            }
        });
        return applied;
    }

    @Override
    public void close() {
        previous.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
        previous.clear();
    }
}
