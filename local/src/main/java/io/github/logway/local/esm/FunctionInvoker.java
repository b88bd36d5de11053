package io.github.logway.local.esm;

import java.time.Duration;

/** Invokes a function synchronously with an event JSON, as Lambda does for an event source mapping. */
@FunctionalInterface
public interface FunctionInvoker {

    /**
     * @param eventJson the event
     * @param timeout the function's timeout: an invocation running longer fails as {@code Task timed out}
     * @return what the invocation returned or how it failed; never throws for a function error
     */
    Invocation invoke(String eventJson, Duration timeout);

    /** The result of one invocation. */
    sealed interface Invocation {
    }

    /** The function returned; {@code responseJson} is its response serialised as Lambda would ("null" for none). */
    record Returned(String responseJson) implements Invocation {
    }

    /** The function threw or timed out ({@code functionError} "Unhandled" in Lambda's terms). */
    record Failed(String errorType, String errorMessage) implements Invocation {
    }
}
