package io.github.logway.local;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The four functions by their command-line names (PRODUCT.md §10), as bench, invoke, run and the demo name them. */
public enum LogwayFunction {
    /** kinesis-to-s3. */
    TO_S3("to-s3"),
    /** kinesis-to-es. */
    TO_ES("to-es"),
    /** kinesis-forward. */
    FORWARD("forward"),
    /** elb-to-kinesis. */
    ELB("elb");

    private final String cliName;

    LogwayFunction(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line and in the summary line's {@code function}. */
    public String cliName() {
        return cliName;
    }

    /** The function called {@code name} on the command line, if any. */
    public static Optional<LogwayFunction> of(String name) {
        return Arrays.stream(values()).filter(function -> function.cliName.equals(name)).findFirst();
    }

    /** Every command-line name, in order. */
    public static List<String> cliNames() {
        return Arrays.stream(values()).map(LogwayFunction::cliName).toList();
    }
}
