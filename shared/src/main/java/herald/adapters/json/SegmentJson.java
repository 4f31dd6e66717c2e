package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.common.Invalid;
import herald.domain.segments.Member;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentDraft;
import herald.domain.segments.SegmentEdit;
import herald.domain.segments.SegmentRule;
import herald.domain.segments.SegmentType;
import herald.platform.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Segments as JSON in the API: {@code {id, name, type, rules?, member_count?, version, created_at, updated_at,
 * evaluation?: {async_action_id}}}, the rules as {@link SegmentRuleJson} writes them. Input is strict, but the
 * response-only fields are accepted and ignored, so what a GET returns can be sent back in a PUT.
 */
public final class SegmentJson {
  private static final Set<String> READ_ONLY = Set.of("id", "member_count", "version", "created_at", "updated_at",
      "evaluation");
  private static final Set<String> CREATE = with(READ_ONLY, "name", "type", "rules", "customer_ids");
  private static final Set<String> EDIT = with(READ_ONLY, "name", "type", "rules");

  private SegmentJson() {}

  /** A POST body. */
  public static SegmentDraft parseDraft(JsonNode body) {
    Fields f = Fields.of(body, "", CREATE);
    String type = f.requiredText("type");
    return new SegmentDraft(f.requiredText("name"), SegmentType.of(type, "type"), rules(f),
        customerIds(f.node("customer_ids")));
  }

  /** A PUT body: a new name and/or rules; its version is read by {@link DistributionJson#version}. */
  public static SegmentEdit parseEdit(JsonNode body) {
    Fields f = Fields.of(body, "", EDIT);
    String type = f.text("type");
    return new SegmentEdit(f.text("name"), type == null ? null : SegmentType.of(type, "type"), rules(f));
  }

  /** {@code {"customer_ids": [...]}}: at least one id. */
  public static List<String> parseCustomerIds(JsonNode body) {
    Fields f = Fields.of(body, "", Set.of("customer_ids"));
    List<String> ids = customerIds(f.required("customer_ids"));
    if (ids.isEmpty()) throw Invalid.required("customer_ids");
    return ids;
  }

  /** The segment, with its member count when known (null: left out). */
  public static ObjectNode write(Segment s, Long memberCount) {
    ObjectNode node = Json.object();
    node.put("id", s.id());
    node.put("name", s.name());
    node.put("type", s.type().key());
    if (s.rule() != null) node.set("rules", SegmentRuleJson.write(s.rule()));
    if (memberCount != null) node.put("member_count", memberCount);
    node.put("version", s.version());
    node.put("created_at", s.createdAt().toString());
    node.put("updated_at", s.updatedAt().toString());
    if (s.evaluationId() != null) node.putObject("evaluation").put("async_action_id", s.evaluationId());
    return node;
  }

  public static ObjectNode write(Member m) {
    return Json.object().put("customer_id", m.customerId()).put("entered_at", m.enteredAt().toString());
  }

  private static SegmentRule rules(Fields f) {
    JsonNode rules = f.node("rules");
    return rules == null ? null : SegmentRuleJson.parse(rules, "rules");
  }

  private static List<String> customerIds(JsonNode node) {
    if (node == null) return List.of();
    if (!node.isArray()) throw new Invalid("invalid_type", "customer_ids", "customer_ids must be an array of ids");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode id = node.get(i);
      if (!id.isTextual()) {
        throw new Invalid("invalid_type", "customer_ids[" + i + "]", "customer_ids[" + i + "] must be a string");
      }
      ids.add(id.asText());
    }
    return ids;
  }

  private static Set<String> with(Set<String> base, String... more) {
    var all = new java.util.HashSet<>(base);
    all.addAll(List.of(more));
    return Set.copyOf(all);
  }
}
