package io.github.logway.elb;

import java.util.Optional;

/** The URL of an SQS queue from its ARN ({@code arn:aws:sqs:REGION:ACCOUNT:NAME}). */
final class QueueUrls {

    private QueueUrls() {
    }

    /**
     * {@code https://sqs.REGION.amazonaws.com/ACCOUNT/NAME} ({@code .amazonaws.com.cn} in the China partition), or
     * empty when {@code arn} is not an SQS queue ARN.
     */
    static Optional<String> fromArn(String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[1].startsWith("aws") || !parts[2].equals("sqs")
                || parts[3].isEmpty() || parts[4].isEmpty() || parts[5].isEmpty()) {
            return Optional.empty();
        }
        String domain = parts[1].equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
        return Optional.of("https://sqs." + parts[3] + "." + domain + "/" + parts[4] + "/" + parts[5]);
    }
}
