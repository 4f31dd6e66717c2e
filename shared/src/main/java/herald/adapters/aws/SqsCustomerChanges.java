package herald.adapters.aws;

import herald.adapters.json.CustomerChangeJson;
import herald.domain.customers.CustomerChanges;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Changed customers announced on an SQS queue, one message each ({@link CustomerChangeJson}), ten to a call. */
public final class SqsCustomerChanges implements CustomerChanges {
  private final SqsBatches batches;

  public SqsCustomerChanges(SqsClient sqs, String queueUrl) {
    this.batches = new SqsBatches(sqs, queueUrl, "customer changes");
  }

  @Override
  public void announce(List<String> customerIds) {
    batches.send(customerIds.stream().map(CustomerChangeJson::write).toList());
  }
}
