package herald.adapters.tools;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.http.ToolAnswers;
import herald.adapters.http.ToolHttp;
import herald.adapters.http.ToolRequest;
import herald.adapters.http.ToolResponse;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.mailchimp.MailchimpApi;
import herald.domain.channels.mailchimp.MailchimpMember;
import herald.domain.integrations.IntegrationCheck;
import herald.domain.integrations.ToolAccess;
import herald.domain.limits.ConnectionSlots;
import herald.domain.limits.ConnectionSlots.Slot;
import herald.platform.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Mailchimp's Marketing API 3.0 ({@code https://<dc>.api.mailchimp.com/3.0}, HTTP Basic with the API key as the
 * password). A member is {@code PUT /lists/{list_id}/members/{md5 of the lower-cased address}} (with {@code
 * skip_merge_validation=true}, as Herald cannot fill an audience's required fields), then, with tags, {@code POST
 * .../members/{hash}/tags}, each tag {@code active}. The account's only audience is found with {@code GET /lists},
 * and which merge fields an audience has (the defaults go only there) with {@code GET /lists/{id}/merge-fields},
 * each kept ten minutes per integration. The credential check is {@code GET /ping}.
 *
 * <p>Mailchimp takes at most 10 simultaneous connections per account and answers 429 beyond. Every call here runs
 * inside one of the integration's {@value #CONNECTIONS} {@link ConnectionSlots} (shared by every sender through the
 * usage table), and asks Mailchimp to close the connection after the answer, so no idle pooled connection outlives
 * its slot. A message waits up to {@code wait} for a slot, then goes back to its queue ({@code mailchimp_busy}). A
 * slot's lease ({@value #LEASE_SECONDS} s) outlives a crashed sender by little; a call starts only while its lease has
 * {@value #CALL_SECONDS} s left (more than a call's connect and read timeouts), so no call outlives its slot.
 */
public final class MailchimpHttpApi implements MailchimpApi, IntegrationCheck {
  public static final int CONNECTIONS = 10;
  static final long LEASE_SECONDS = 120;
  static final long CALL_SECONDS = 25;
  static final Duration KEEP = Duration.ofMinutes(10);
  private final ToolHttp http;
  private final ConnectionSlots slots;
  private final Clock clock;
  private final Duration wait;
  private final Map<String, Cached<String>> audiences = new ConcurrentHashMap<>();
  private final Map<String, Cached<Set<String>>> mergeTags = new ConcurrentHashMap<>();

  public MailchimpHttpApi(ToolHttp http, ConnectionSlots slots, Clock clock, Duration wait) {
    this.http = http;
    this.slots = slots;
    this.clock = clock;
    this.wait = wait;
  }

  @Override
  public String upsert(MailchimpMember member) {
    ToolAccess access = member.access();
    return withSlot(access, slot -> {
      String audience = member.audienceId() != null ? member.audienceId() : onlyAudience(access, slot);
      String hash = subscriberHash(member.email());
      String path = "/lists/" + audience + "/members/" + hash;
      Map<String, String> merge = new LinkedHashMap<>();
      if (!member.defaultMergeFields().isEmpty()) {
        Set<String> has = mergeTags(access, audience, slot);
        member.defaultMergeFields().forEach((tag, value) -> {
          if (has.contains(tag)) merge.put(tag, value);
        });
      }
      merge.putAll(member.mergeFields());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("email_address", member.email());
      body.put("status_if_new", member.statusIfNew());
      if (!merge.isEmpty()) body.put("merge_fields", merge);
      JsonNode answer = json(ok(call(access, slot, "PUT", path + "?skip_merge_validation=true", body)));
      if (!member.tags().isEmpty()) {
        List<Map<String, String>> tags = new ArrayList<>();
        member.tags().forEach(name -> tags.add(Map.of("name", name, "status", "active")));
        ok(call(access, slot, "POST", path + "/tags", Map.of("tags", tags)));
      }
      String id = answer.path("unique_email_id").asText("");
      return id.isEmpty() ? answer.path("id").asText(null) : id;
    });
  }

  /** {@code GET /ping}: Mailchimp's health_status when the key works, its own refusal otherwise. */
  @Override
  public CheckResult check(ToolAccess access) {
    try {
      ToolResponse answer = withSlot(access, slot -> call(access, slot, "GET", "/ping", null));
      if (answer.ok()) return new CheckResult(true, answer.status(), json(answer).path("health_status").asText(""));
      return new CheckResult(false, answer.status(), ToolAnswers.safe(problem(answer)));
    } catch (DeliveryFailure failure) {
      return new CheckResult(false, 0, failure.reason());
    }
  }

  /** The MD5 of the lower-cased address, in hex: how Mailchimp names a member. */
  static String subscriberHash(String email) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
          .digest(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }

  private <T> T withSlot(ToolAccess access, Function<Slot, T> calls) {
    Slot slot = takeSlot(access.integrationId());
    try {
      return calls.apply(slot);
    } finally {
      slots.giveBack(slot);
    }
  }

  private Slot takeSlot(String integrationId) {
    Instant giveUp = clock.instant().plus(wait);
    String pool = "mailchimp#" + integrationId;
    while (true) {
      var slot = slots.take(pool, CONNECTIONS, clock.instant().plusSeconds(LEASE_SECONDS));
      if (slot.isPresent()) return slot.get();
      if (!clock.instant().isBefore(giveUp)) {
        throw DeliveryFailure.busy("mailchimp_busy",
            Duration.ofSeconds(5 + ThreadLocalRandom.current().nextInt(10)));
      }
      try {
        Thread.sleep(50 + ThreadLocalRandom.current().nextInt(200));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw DeliveryFailure.transientFailure("interrupted", e);
      }
    }
  }

  private String onlyAudience(ToolAccess access, Slot slot) {
    return cached(audiences, access.integrationId(), () -> {
      JsonNode lists = json(ok(call(access, slot, "GET", "/lists?fields=lists.id,total_items&count=2", null)));
      int total = lists.path("total_items").asInt(lists.path("lists").size());
      if (total == 0) throw DeliveryFailure.permanent("mailchimp_no_audience: the account has no audience", null);
      if (total > 1) {
        throw DeliveryFailure.permanent("mailchimp_audience_ambiguous: the account has " + total
            + " audiences; set the channel's audience_id", null);
      }
      return lists.path("lists").path(0).path("id").asText();
    });
  }

  private Set<String> mergeTags(ToolAccess access, String audience, Slot slot) {
    return cached(mergeTags, access.integrationId() + "#" + audience, () -> {
      JsonNode fields = json(ok(call(access, slot, "GET",
          "/lists/" + audience + "/merge-fields?fields=merge_fields.tag&count=1000", null)));
      Set<String> tags = new java.util.HashSet<>();
      fields.path("merge_fields").forEach(field -> tags.add(field.path("tag").asText()));
      return Set.copyOf(tags);
    });
  }

  private <T> T cached(Map<String, Cached<T>> cache, String key, java.util.function.Supplier<T> read) {
    Cached<T> hit = cache.get(key);
    Instant now = clock.instant();
    if (hit != null && now.isBefore(hit.until())) return hit.value();
    T value = read.get();
    cache.put(key, new Cached<>(value, now.plus(KEEP)));
    return value;
  }

  private ToolResponse call(ToolAccess access, Slot slot, String method, String path, Object body) {
    if (clock.instant().plusSeconds(CALL_SECONDS).isAfter(slot.until())) {
      throw DeliveryFailure.busy("mailchimp_busy", Duration.ofSeconds(5));
    }
    String key = access.credential("api_key");
    Map<String, String> headers = Map.of(
        "Authorization", "Basic " + Base64.getEncoder().encodeToString(("herald:" + key)
            .getBytes(StandardCharsets.UTF_8)),
        "Accept", "application/json",
        "Connection", "close");
    return http.call(new ToolRequest(method, access.baseUrl() + path, headers,
        body == null ? null : Json.write(body)));
  }

  /**
   * The answer when 2xx; otherwise its failure: 429 and 5xx (and a 403 with no body, which Mailchimp sends when
   * throttling at high volume) wait Retry-After when sent, anything else fails with Mailchimp's title and detail.
   */
  private ToolResponse ok(ToolResponse answer) {
    if (answer.ok()) return answer;
    if (answer.status() == 403 && answer.body().isBlank()) {
      throw DeliveryFailure.retryLater("http_403", ToolAnswers.retryAfter(answer, clock));
    }
    throw ToolAnswers.failure(answer, ToolAnswers.retryAfter(answer, clock), problem(answer));
  }

  /** Mailchimp's problem document: "title: detail (field, field)". */
  private static String problem(ToolResponse answer) {
    JsonNode problem = json(answer);
    StringBuilder text = new StringBuilder(problem.path("title").asText(""));
    String detail = problem.path("detail").asText("");
    if (!detail.isEmpty()) text.append(text.isEmpty() ? "" : ": ").append(detail);
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(error -> {
      String field = error.path("field").asText("");
      if (!field.isEmpty()) fields.add(field);
    });
    if (!fields.isEmpty()) text.append(" (").append(String.join(", ", fields)).append(")");
    return text.toString();
  }

  private static JsonNode json(ToolResponse answer) {
    try {
      return answer.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(answer.body());
    } catch (java.io.IOException | RuntimeException notJson) {
      return Json.MAPPER.createObjectNode();
    }
  }

  private record Cached<T>(T value, Instant until) {}
}
