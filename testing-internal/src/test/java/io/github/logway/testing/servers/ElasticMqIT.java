package io.github.logway.testing.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@WithLocalServers
class ElasticMqIT {

    @Test
    void elasticMq_sendsReceivesAndDeletesWithRealLookingQueueUrlsAndArns(SqsEndpoint sqs) {
        try (SqsClient client = sqs.newSqsClient()) {
            String url = client.createQueue(request -> request.queueName("elasticmq-it")).queueUrl();
            assertThat(url).isEqualTo(sqs.endpoint() + "/" + sqs.accountId() + "/elasticmq-it");
            Map<QueueAttributeName, String> attributes = client.getQueueAttributes(request -> request
                            .queueUrl(url)
                            .attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes();
            assertThat(attributes).containsEntry(QueueAttributeName.QUEUE_ARN, sqs.queueArn("elasticmq-it"));

            client.sendMessage(request -> request.queueUrl(url).messageBody("{\"hello\":\"sqs\"}"));
            List<Message> received = client.receiveMessage(request -> request
                            .queueUrl(url)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(5))
                    .messages();

            assertThat(received).extracting(Message::body).containsExactly("{\"hello\":\"sqs\"}");
            client.deleteMessage(request -> request.queueUrl(url).receiptHandle(received.get(0).receiptHandle()));
            assertThat(client.receiveMessage(request -> request.queueUrl(url).waitTimeSeconds(0)).messages())
                    .isEmpty();
        }
    }
}
