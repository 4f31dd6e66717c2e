package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import herald.domain.campaigns.CampaignPurgeJob;
import herald.domain.campaigns.CodeImportJob;
import herald.domain.campaigns.CodeJob;
import herald.domain.common.Invalid;
import herald.domain.delivery.ReconcileJob;
import herald.domain.intake.ImportJob;
import herald.domain.intake.ImportRow;
import herald.domain.jobs.Job;
import herald.domain.jobs.RejectedRow;
import herald.domain.segments.PurgeJob;
import herald.domain.segments.ScanJob;
import herald.platform.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Jobs on the jobs queue as JSON: {@code {"kind": "customers.import", "action_id", "part", "rows": [{"line",
 * "customer": {...}} or {"line", "rejected": {"code", "field", "message"}}]}} and {@code {"kind":
 * "segment.evaluation", "action_id", "segment_id", "segment_version", "part", "parts", "cursor"}} and {@code
 * {"kind": "segment.purge", "segment_id", "shard", "sweep"}} and {@code {"kind": "campaign.codes", "action_id",
 * "campaign_id", "part", "parts", "count"}} and {@code {"kind": "campaign.codes.import", "action_id", "campaign_id",
 * "part", "rows"}} (rows as an import's, each object {"code"}) and {@code {"kind": "stats.reconcile",
 * "distribution_id"}} (no distribution_id: the sweep of every distribution whose counts moved).
 */
public final class JobJson {
  static final String IMPORT = "customers.import";
  static final String SCAN = "segment.evaluation";
  static final String PURGE = "segment.purge";
  static final String CODES = "campaign.codes";
  static final String CAMPAIGN_PURGE = "campaign.purge";
  static final String CODE_IMPORT = "campaign.codes.import";
  static final String RECONCILE = "stats.reconcile";

  private JobJson() {}

  public static String write(Job job) {
    ObjectNode node = Json.object();
    switch (job) {
      case ImportJob i -> {
        node.put("kind", IMPORT).put("action_id", i.actionId()).put("part", i.part());
        rows(node, i.rows());
      }
      case CodeImportJob c -> {
        node.put("kind", CODE_IMPORT).put("action_id", c.actionId()).put("campaign_id", c.campaignId())
            .put("part", c.part());
        rows(node, c.rows());
      }
      case ScanJob s -> node.put("kind", SCAN).put("action_id", s.actionId()).put("segment_id", s.segmentId())
          .put("segment_version", s.segmentVersion()).put("part", s.part()).put("parts", s.parts())
          .put("cursor", s.cursor());
      case PurgeJob p -> node.put("kind", PURGE).put("segment_id", p.segmentId()).put("shard", p.shard())
          .put("sweep", p.sweep());
      case ReconcileJob r -> node.put("kind", RECONCILE).put("distribution_id", r.distributionId());
      case CampaignPurgeJob p -> node.put("kind", CAMPAIGN_PURGE).put("campaign_id", p.campaignId())
          .put("sweep", p.sweep());
      case CodeJob c -> node.put("kind", CODES).put("action_id", c.actionId()).put("campaign_id", c.campaignId())
          .put("part", c.part()).put("parts", c.parts()).put("count", c.count())
          .put("first_index", c.firstIndex());
      default -> throw new IllegalArgumentException("no JSON form for a " + job.getClass().getSimpleName());
    }
    return node.toString();
  }

  private static void rows(ObjectNode node, List<ImportRow> part) {
    ArrayNode rows = node.putArray("rows");
    for (ImportRow row : part) {
      ObjectNode r = rows.addObject().put("line", row.line());
      if (row.customer() != null) {
        r.putRawValue("customer", new RawValue(row.customer()));
      } else {
        r.putObject("rejected").put("code", row.rejected().code()).put("field", row.rejected().field())
            .put("message", row.rejected().message());
      }
    }
  }

  /** Throws {@link Invalid} for a message that is not a job: no retry can mend it. */
  public static Job parse(String text) {
    try {
      JsonNode node = Json.parse(text);
      String kind = node.path("kind").asText();
      if (RECONCILE.equals(kind)) {
        JsonNode id = node.path("distribution_id");
        return new ReconcileJob(id.isTextual() ? id.asText() : null);
      }
      if (CAMPAIGN_PURGE.equals(kind)) {
        return new CampaignPurgeJob(node.required("campaign_id").asText(), node.path("sweep").asBoolean(false));
      }
      if (PURGE.equals(kind)) {
        return new PurgeJob(node.required("segment_id").asText(), node.required("shard").asInt(),
            node.path("sweep").asBoolean(false));
      }
      String actionId = node.required("action_id").asText();
      if (IMPORT.equals(kind)) {
        List<ImportRow> rows = new ArrayList<>();
        for (JsonNode r : node.required("rows")) rows.add(row(r));
        return new ImportJob(actionId, node.required("part").asInt(), rows);
      }
      if (CODE_IMPORT.equals(kind)) {
        List<ImportRow> rows = new ArrayList<>();
        for (JsonNode r : node.required("rows")) rows.add(row(r));
        return new CodeImportJob(actionId, node.required("campaign_id").asText(), node.required("part").asInt(), rows);
      }
      if (CODES.equals(kind)) {
        return new CodeJob(actionId, node.required("campaign_id").asText(), node.required("part").asInt(),
            node.required("parts").asInt(), node.required("count").asLong(), node.path("first_index").asLong(-1));
      }
      if (SCAN.equals(kind)) {
        JsonNode cursor = node.path("cursor");
        return new ScanJob(actionId, node.required("segment_id").asText(), node.required("segment_version").asLong(),
            node.required("part").asInt(), node.required("parts").asInt(), cursor.isTextual() ? cursor.asText() : null);
      }
      throw new IllegalArgumentException("unknown job kind " + kind);
    } catch (IllegalArgumentException e) {
      throw new Invalid("invalid_job", "body", "not a job: " + e.getMessage());
    }
  }

  private static ImportRow row(JsonNode r) {
    long line = r.required("line").asLong();
    JsonNode rejected = r.get("rejected");
    if (rejected != null) {
      JsonNode field = rejected.path("field");
      return new ImportRow(line, null, new RejectedRow(line, rejected.required("code").asText(),
          field.isTextual() ? field.asText() : null, rejected.path("message").asText()));
    }
    return ImportRow.of(line, r.required("customer").toString());
  }
}
