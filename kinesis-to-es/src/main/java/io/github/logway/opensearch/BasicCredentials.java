package io.github.logway.opensearch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.logway.core.FatalException;
import java.io.IOException;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A user name and password for {@code ES_AUTH=basic}, from {@code ES_USERNAME}/{@code ES_PASSWORD} or a
 * Secrets Manager secret ({@code ES_BASIC_SECRET_ARN}) holding {@code {"username": ..., "password": ...}}.
 *
 * @param username the user name
 * @param password the password; never shown by {@link #toString()}
 */
record BasicCredentials(String username, String password) {

    private static final JsonFactory JSON = new JsonFactory();

    BasicCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Reads the secret once, at cold start.
     *
     * @param secrets the client
     * @param secretArn the secret's ARN or name
     * @return the credentials
     * @throws FatalException when the secret cannot be read or lacks a field; the message never shows its value
     */
    static BasicCredentials fromSecret(SecretsManagerClient secrets, String secretArn) {
        String text;
        try {
            text = secrets.getSecretValue(r -> r.secretId(secretArn)).secretString();
        } catch (SdkException e) {
            throw new FatalException("cannot read ES_BASIC_SECRET_ARN " + secretArn + ": " + e.getMessage()
                    + " (the function's role needs secretsmanager:GetSecretValue on it, and kms:Decrypt for a"
                    + " customer managed key)", e);
        }
        if (text == null) {
            throw new FatalException("ES_BASIC_SECRET_ARN " + secretArn + " holds binary data, not a JSON string");
        }
        return parse(text, secretArn);
    }

    /** Parses {@code {"username": ..., "password": ...}}; other fields are ignored. */
    static BasicCredentials parse(String secretJson, String secretArn) {
        String username = null;
        String password = null;
        try (JsonParser parser = JSON.createParser(secretJson)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (field.equals("username") && value == JsonToken.VALUE_STRING) {
                        username = parser.getText();
                    } else if (field.equals("password") && value == JsonToken.VALUE_STRING) {
                        password = parser.getText();
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            throw new FatalException("ES_BASIC_SECRET_ARN " + secretArn + " is not a JSON object");
        }
        if (username == null || password == null) {
            throw new FatalException("ES_BASIC_SECRET_ARN " + secretArn
                    + " must be a JSON object with string fields username and password");
        }
        return new BasicCredentials(username, password);
    }

    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + ", password=****]";
    }
}
