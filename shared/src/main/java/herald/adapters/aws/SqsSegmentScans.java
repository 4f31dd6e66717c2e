package herald.adapters.aws;

import herald.adapters.json.JobJson;
import herald.domain.segments.ScanJob;
import herald.domain.segments.SegmentScans;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Segment scan parts onto an SQS queue, as jobs ({@link JobJson}), in batches (see {@link SqsBatches}). */
public final class SqsSegmentScans implements SegmentScans {
  private final SqsBatches batches;

  public SqsSegmentScans(SqsClient sqs, String queueUrl) {
    this.batches = new SqsBatches(sqs, queueUrl, "segment scans");
  }

  @Override
  public void put(List<ScanJob> scans, Duration delay) {
    batches.send(scans.stream().map(JobJson::write).toList(), Math.toIntExact(delay.toSeconds()));
  }
}
