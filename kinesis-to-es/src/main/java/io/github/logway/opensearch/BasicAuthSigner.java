package io.github.logway.opensearch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/** HTTP basic authentication (RFC 7617) with fixed credentials. */
final class BasicAuthSigner implements RequestSigner {

    private final String authorization;

    BasicAuthSigner(String username, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void sign(String method, URI uri, Map<String, String> headers, byte[] body, int length) {
        headers.put("authorization", authorization);
    }

    @Override
    public String toString() {
        return "BasicAuthSigner[****]";
    }
}
