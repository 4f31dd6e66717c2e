package herald.domain.segments;

import herald.domain.common.Ids;
import herald.domain.common.Invalid;
import herald.domain.common.Text;
import java.time.Instant;

/**
 * A named group of customers. Static: the customers added to it. Auto-update: the customers its rule
 * matches, kept up to date as profiles change. Membership is stored in {@code shards} shards, a customer's
 * shard fixed by their id, so a large segment can be read by many invocations at once. {@code evaluationId}
 * is the async action that last re-evaluated every customer against the rule (null for a static segment).
 */
public record Segment(String id, String name, SegmentType type, SegmentRule rule, int shards, long version,
    Instant createdAt, Instant updatedAt, String evaluationId) {
  /** The template's default of {@code SegmentShards}. */
  public static final int DEFAULT_SHARDS = 16;

  public Segment {
    Text.required(id, "id");
    name = Text.maxLength(Text.required(name, "name"), 200, "name");
    if (type == null) throw Invalid.required("type");
    if (type == SegmentType.AUTO_UPDATE && rule == null) throw Invalid.required("rules");
    if (type == SegmentType.STATIC && rule != null) {
      throw new Invalid("invalid_value", "rules", "a static segment has no rules; its members are added to it");
    }
    if (shards < 1 || shards > 1000) throw new IllegalArgumentException("shards must be 1 to 1000");
  }

  /** A new segment at version 1, in {@value #DEFAULT_SHARDS} shards. */
  public static Segment create(String id, String name, SegmentType type, SegmentRule rule, Instant now) {
    return create(id, name, type, rule, SegmentShards.DEFAULT, now);
  }

  /** A new segment at version 1, in {@code shards} shards. */
  public static Segment create(String id, String name, SegmentType type, SegmentRule rule, SegmentShards shards,
      Instant now) {
    return new Segment(id, name, type, rule, shards.count(), 1, now, now, null);
  }

  /** This segment with a new name and rule, one version up. */
  public Segment edit(String newName, SegmentRule newRule, Instant now) {
    return new Segment(id, newName, type, newRule, shards, version + 1, createdAt, now, evaluationId);
  }

  /** This segment, same version, re-evaluated by the async action {@code actionId}. */
  public Segment evaluatedBy(String actionId) {
    return new Segment(id, name, type, rule, shards, version, createdAt, updatedAt, actionId);
  }

  public boolean autoUpdate() {
    return type == SegmentType.AUTO_UPDATE;
  }

  /** The shard a customer's membership is stored in: the same for a customer id, always. */
  public int shardOf(String customerId) {
    return shardOf(customerId, shards);
  }

  public static int shardOf(String customerId, int shards) {
    return Ids.shard(customerId, shards);
  }
}
