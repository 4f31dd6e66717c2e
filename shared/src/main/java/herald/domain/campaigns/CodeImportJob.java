package herald.domain.campaigns;

import herald.domain.intake.ImportRow;
import herald.domain.jobs.Job;
import java.util.List;

/** One part of an import of a campaign's codes: rows whose objects are {@code {"code"}}, imported by one job. */
public record CodeImportJob(String actionId, String campaignId, int part, List<ImportRow> rows) implements Job {
  public CodeImportJob {
    if (actionId == null || campaignId == null || part < 0) {
      throw new IllegalArgumentException("actionId, campaignId and part are required");
    }
    rows = List.copyOf(rows);
    if (rows.isEmpty()) throw new IllegalArgumentException("a part has at least one row");
  }
}
