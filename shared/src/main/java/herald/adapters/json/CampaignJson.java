package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.campaigns.Campaign;
import herald.domain.campaigns.CampaignSettings;
import herald.domain.campaigns.CampaignType;
import herald.domain.campaigns.CodeConfig;
import herald.domain.campaigns.CodeCounts;
import herald.domain.campaigns.PromotionTier;
import herald.domain.common.Invalid;
import herald.platform.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Campaigns as JSON: {@code {id, name, type, start_date, expiration_date, join_once, code_config: {length,
 * charset, prefix, postfix, pattern}, auto_increase, expiration_after_publish_days, tiers: [{id, name, banner,
 * description}], codes: {total, published, available}, version, created_at, updated_at, generation?:
 * {async_action_id}}}. Input is strict; the answer-only fields are accepted and ignored, so what a GET answers can
 * be sent back in a PUT. The settings are stored in the same form.
 */
public final class CampaignJson {
  private static final Set<String> SETTINGS = Set.of("name", "type", "start_date", "expiration_date", "join_once",
      "code_config", "auto_increase", "expiration_after_publish_days", "tiers");
  private static final Set<String> READ_ONLY = Set.of("id", "codes", "version", "created_at", "updated_at",
      "generation");
  private static final Set<String> CONFIG = Set.of("length", "charset", "prefix", "postfix", "pattern");
  private static final Set<String> TIER = Set.of("id", "name", "banner", "description");

  private CampaignJson() {}

  /** A POST or PUT body (besides {@code extra} fields the caller reads itself, such as codes_count). */
  public static CampaignSettings parse(JsonNode body, String... extra) {
    Set<String> allowed = new HashSet<>(SETTINGS);
    allowed.addAll(READ_ONLY);
    allowed.addAll(List.of(extra));
    return settings(Fields.of(body, "", allowed));
  }

  /** The settings as stored (the API's own form, strict). */
  public static CampaignSettings parseStored(String text) {
    return settings(Fields.of(Json.parse(text), "", SETTINGS));
  }

  public static ObjectNode write(CampaignSettings s) {
    ObjectNode node = Json.object();
    node.put("name", s.name()).put("type", s.type().name());
    node.put("start_date", text(s.startDate())).put("expiration_date", text(s.expirationDate()));
    node.put("join_once", s.joinOnce());
    CodeConfig c = s.codeConfig();
    node.putObject("code_config").put("length", c.length()).put("charset", c.charset()).put("prefix", c.prefix())
        .put("postfix", c.postfix()).put("pattern", c.pattern());
    node.put("auto_increase", s.autoIncrease());
    node.put("expiration_after_publish_days", s.expirationAfterPublishDays());
    ArrayNode tiers = node.putArray("tiers");
    for (PromotionTier t : s.tiers()) {
      tiers.addObject().put("id", t.id()).put("name", t.name()).put("banner", t.banner())
          .put("description", t.description());
    }
    return node;
  }

  /** The campaign as the API answers it. */
  public static ObjectNode write(Campaign campaign, CodeCounts codes) {
    ObjectNode node = Json.object().put("id", campaign.id());
    node.setAll(write(campaign.settings()));
    node.putObject("codes").put("total", codes.total()).put("published", codes.published())
        .put("available", codes.available());
    node.put("version", campaign.version());
    node.put("created_at", campaign.createdAt().toString()).put("updated_at", campaign.updatedAt().toString());
    if (campaign.generationId() != null) {
      node.putObject("generation").put("async_action_id", campaign.generationId());
    }
    return node;
  }

  /** A count of codes ({@code codes_count}, {@code count}): a whole number, or null when absent and optional. */
  public static Long count(JsonNode body, String name, boolean required) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      if (required) throw Invalid.required(name);
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new Invalid("invalid_type", name, name + " must be a whole number");
    }
    return value.asLong();
  }

  private static CampaignSettings settings(Fields f) {
    return new CampaignSettings(f.requiredText("name"), CampaignType.of(f.requiredText("type"), "type"),
        instant(f, "start_date"), instant(f, "expiration_date"), bool(f, "join_once"), codeConfig(f),
        bool(f, "auto_increase"), integer(f, "expiration_after_publish_days"), tiers(f));
  }

  private static CodeConfig codeConfig(Fields outer) {
    JsonNode node = outer.node("code_config");
    if (node == null) return CodeConfig.defaults();
    Fields f = Fields.of(node, "code_config", CONFIG);
    Integer length = integer(f, "length");
    return new CodeConfig(length == null ? CodeConfig.DEFAULT_LENGTH : length, f.text("charset"), f.text("prefix"),
        f.text("postfix"), f.text("pattern"));
  }

  private static List<PromotionTier> tiers(Fields f) {
    JsonNode node = f.node("tiers");
    if (node == null) return List.of();
    if (!node.isArray()) throw new Invalid("invalid_type", "tiers", "tiers must be an array");
    if (node.size() > CampaignSettings.MAX_TIERS) {
      throw new Invalid("too_many", "tiers", "a campaign has at most " + CampaignSettings.MAX_TIERS + " tiers");
    }
    List<PromotionTier> tiers = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String at = "tiers[" + i + "]";
      Fields t = Fields.of(node.get(i), at, TIER);
      tiers.add(PromotionTier.of(t.text("id"), t.text("name"), t.text("banner"), t.text("description"), at));
    }
    return tiers;
  }

  private static Instant instant(Fields f, String name) {
    String value = f.text(name);
    if (value == null) return null;
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new Invalid("invalid_value", f.at(name), f.at(name) + " must be an ISO-8601 date-time with its offset, "
          + "such as 2026-01-31T00:00:00Z");
    }
  }

  private static boolean bool(Fields f, String name) {
    JsonNode value = f.node(name);
    if (value == null) return false;
    if (!value.isBoolean()) throw new Invalid("invalid_type", f.at(name), f.at(name) + " must be true or false");
    return value.asBoolean();
  }

  /** A whole number that fits an int, or null. */
  static Integer integer(Fields f, String name) {
    JsonNode value = f.node(name);
    if (value == null) return null;
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new Invalid("invalid_type", f.at(name), f.at(name) + " must be a whole number");
    }
    return value.asInt();
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
