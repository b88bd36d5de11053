package io.github.logway.elb;

/** What {@link AccessLogParser} made of one line: {@link ConvertedLine} or {@link InvalidLine}. */
public sealed interface LineOutcome permits ConvertedLine, InvalidLine {
}
