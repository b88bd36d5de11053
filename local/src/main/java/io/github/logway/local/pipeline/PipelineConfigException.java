package io.github.logway.local.pipeline;

import java.util.List;

/** A pipeline file with problems; the message lists every one, one per line. */
public final class PipelineConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Every problem, in file order. */
    private final List<String> problems;

    PipelineConfigException(List<String> problems) {
        super("the pipeline file has " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order. */
    public List<String> problems() {
        return problems;
    }
}
