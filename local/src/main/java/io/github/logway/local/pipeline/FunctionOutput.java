package io.github.logway.local.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.core.metrics.EmfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The standard output of one function under the runner: every line goes to the pipeline's log (prefixed with the
 * function's name), and each metrics line (EMF) is added to the function's {@link FunctionTally}.
 */
final class FunctionOutput extends OutputStream {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMF_START = "{\"_aws\"";

    private final String functionName;
    private final PrintStream log;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    private final AtomicReference<FunctionTally> tally = new AtomicReference<>(FunctionTally.ZERO);

    /**
     * @param functionName the prefix of its lines in the log
     * @param log the pipeline's log, shared by every function (its writes are synchronised)
     */
    FunctionOutput(String functionName, PrintStream log) {
        this.functionName = functionName;
        this.log = log;
    }

    /** A print stream over this output, flushing at every line. */
    PrintStream printStream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    /** The sums so far. */
    FunctionTally tally() {
        return tally.get();
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            endLine();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i - start);
                endLine();
                start = i + 1;
            }
        }
        line.write(bytes, start, offset + length - start);
    }

    private void endLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        log.println("[" + functionName + "] " + text);
        if (text.startsWith(EMF_START)) {
            count(text);
        }
    }

    private void count(String emfLine) {
        JsonNode metrics;
        try {
            metrics = JSON.readTree(emfLine);
        } catch (IOException e) {
            log.println("[" + functionName + "] (runner) unreadable metrics line: " + e.getMessage());
            return;
        }
        Map<String, Long> byReason = new HashMap<>();
        for (Iterator<String> names = metrics.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.startsWith(EmfWriter.DIVERTED_PREFIX)) {
                byReason.put(name.substring(EmfWriter.DIVERTED_PREFIX.length()), metrics.path(name).asLong());
            }
        }
        tally.updateAndGet(current -> current.plus(metrics.path("Delivered").asLong(),
                metrics.path("Diverted").asLong(), byReason, metrics.path("Dropped").asLong(),
                metrics.path("Skipped").asLong()));
    }
}
