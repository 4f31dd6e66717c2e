package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.common.Invalid;
import herald.domain.channels.braze.BrazeChannel;
import herald.domain.channels.Channel;
import herald.domain.channels.ChannelType;
import herald.domain.channels.ChannelSettings;
import herald.domain.channels.email.EmailChannel;
import herald.domain.channels.intercom.IntercomChannel;
import herald.domain.channels.klaviyo.KlaviyoChannel;
import herald.domain.channels.mailchimp.MailchimpChannel;
import herald.domain.channels.sms.SmsChannel;
import herald.domain.channels.webhook.WebhookChannel;
import herald.domain.channels.webhook.WebhookPayload;
import herald.platform.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One channel as JSON: strict on input; secrets written only in the stored form, flags ({@code secret_set}) in the API's. */
final class ChannelJson {
  /** Response-only fields a client may send back unchanged: accepted and ignored. */
  private static final Set<String> READ_ONLY = Set.of("secret_set", "api_key_set", "access_token_set", "segments");
  private static final Map<ChannelType, Set<String>> FIELDS = Map.of(
      ChannelType.EMAIL, Set.of("subject", "html", "text"),
      ChannelType.SMS, Set.of("text", "sms_type", "sender_id"),
      ChannelType.WEBHOOK, Set.of("url", "secret", "headers", "payload"),
      ChannelType.BRAZE, Set.of("rest_endpoint", "api_key", "external_id_field", "attributes"),
      ChannelType.MAILCHIMP, Set.of("api_key", "audience_id", "merge_fields", "tags"),
      ChannelType.KLAVIYO, Set.of("api_key", "metric", "properties"),
      ChannelType.INTERCOM, Set.of("access_token", "region", "event_name", "metadata"));

  private ChannelJson() {}

  static Channel parse(JsonNode node, int index) {
    String at = "channels[" + index + "]";
    if (node == null || !node.isObject()) throw new Invalid("invalid_type", at, at + " must be a JSON object");
    ChannelType type = type(node.get("type"), at + ".type");
    Set<String> allowed = new HashSet<>(FIELDS.get(type));
    allowed.add("type");
    allowed.addAll(READ_ONLY);
    Fields f = Fields.of(node, at, allowed);
    return ChannelSettings.at(index, () -> switch (type) {
      case EMAIL -> new EmailChannel(f.text("subject"), f.text("html"), f.text("text"));
      case SMS -> new SmsChannel(f.text("text"), f.text("sms_type"), f.text("sender_id"));
      case WEBHOOK -> new WebhookChannel(f.text("url"), f.text("secret"), strings(f, "headers"),
          payload(f.node("payload"), f.at("payload")));
      case BRAZE -> new BrazeChannel(f.text("rest_endpoint"), f.text("api_key"), f.text("external_id_field"),
          strings(f, "attributes"));
      case MAILCHIMP -> new MailchimpChannel(f.text("api_key"), f.text("audience_id"), strings(f, "merge_fields"),
          list(f, "tags"));
      case KLAVIYO -> new KlaviyoChannel(f.text("api_key"), f.text("metric"), strings(f, "properties"));
      case INTERCOM -> new IntercomChannel(f.text("access_token"), f.text("region"), f.text("event_name"),
          strings(f, "metadata"));
    });
  }

  static ObjectNode write(Channel channel, boolean stored) {
    ObjectNode n = Json.object();
    n.put("type", channel.type().key());
    switch (channel) {
      case EmailChannel c -> {
        n.put("subject", c.subject());
        putIf(n, "html", c.html());
        putIf(n, "text", c.text());
      }
      case SmsChannel c -> {
        n.put("text", c.text());
        n.put("sms_type", c.smsType());
        putIf(n, "sender_id", c.senderId());
        if (!stored) n.put("segments", c.segments());
      }
      case WebhookChannel c -> {
        n.put("url", c.url());
        secret(n, "secret", c.secret(), stored);
        n.set("headers", Json.MAPPER.valueToTree(c.headers()));
        ObjectNode payload = n.putObject("payload").put("type", c.payload().type());
        if (c.payload().custom()) payload.set("body", Json.MAPPER.valueToTree(c.payload().body()));
      }
      case BrazeChannel c -> {
        n.put("rest_endpoint", c.restEndpoint());
        secret(n, "api_key", c.apiKey(), stored);
        n.put("external_id_field", c.externalIdField());
        n.set("attributes", Json.MAPPER.valueToTree(c.attributes()));
      }
      case MailchimpChannel c -> {
        secret(n, "api_key", c.apiKey(), stored);
        n.put("audience_id", c.audienceId());
        n.set("merge_fields", Json.MAPPER.valueToTree(c.mergeFields()));
        n.set("tags", Json.MAPPER.valueToTree(c.tags()));
      }
      case KlaviyoChannel c -> {
        secret(n, "api_key", c.apiKey(), stored);
        n.put("metric", c.metric());
        n.set("properties", Json.MAPPER.valueToTree(c.properties()));
      }
      case IntercomChannel c -> {
        secret(n, "access_token", c.accessToken(), stored);
        n.put("region", c.region());
        n.put("event_name", c.eventName());
        n.set("metadata", Json.MAPPER.valueToTree(c.metadata()));
      }
      default -> throw new IllegalStateException("no JSON form for channel " + channel.type());
    }
    return n;
  }

  private static ChannelType type(JsonNode node, String field) {
    if (node == null || node.isNull()) throw Invalid.required(field);
    if (!node.isTextual()) throw new Invalid("invalid_type", field, field + " must be a string");
    return Arrays.stream(ChannelType.values()).filter(t -> t.key().equals(node.asText())).findFirst()
        .orElseThrow(() -> new Invalid("invalid_value", field, field + " has no value " + node.asText()
            + "; use one of email, sms, webhook, braze, mailchimp, klaviyo, intercom"));
  }

  private static WebhookPayload payload(JsonNode node, String at) {
    if (node == null) return null;
    Fields f = Fields.of(node, at, Set.of("type", "body"));
    JsonNode body = f.node("body");
    return new WebhookPayload(f.text("type"), body == null ? null : Json.MAPPER.convertValue(body, Object.class));
  }

  /** An object of string values, or null. */
  private static Map<String, String> strings(Fields f, String name) {
    JsonNode node = f.node(name);
    if (node == null) return null;
    String at = f.at(name);
    if (!node.isObject()) throw new Invalid("invalid_type", at, at + " must be a JSON object of strings");
    Map<String, String> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw new Invalid("invalid_type", at + "." + e.getKey(), at + "." + e.getKey() + " must be a string");
      }
      values.put(e.getKey(), e.getValue().asText());
    }
    return values;
  }

  /** An array of strings, or null. */
  private static List<String> list(Fields f, String name) {
    JsonNode node = f.node(name);
    if (node == null) return null;
    String at = f.at(name);
    if (!node.isArray()) throw new Invalid("invalid_type", at, at + " must be an array of strings");
    List<String> values = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isTextual()) throw new Invalid("invalid_type", at + "[" + i + "]", at + "[" + i + "] must be a string");
      values.add(node.get(i).asText());
    }
    return values;
  }

  private static void secret(ObjectNode n, String name, String value, boolean stored) {
    if (stored) putIf(n, name, value);
    else n.put(name + "_set", value != null);
  }

  private static void putIf(ObjectNode n, String name, String value) {
    if (value != null) n.put(name, value);
  }
}
