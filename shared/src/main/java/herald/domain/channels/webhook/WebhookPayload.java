package herald.domain.channels.webhook;

import herald.domain.channels.ChannelSettings;
import herald.domain.common.Invalid;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a webhook posts: the standard envelope, or a custom JSON body (maps, lists, strings, numbers,
 * booleans, nulls) whose strings may hold {{placeholders}}.
 */
public record WebhookPayload(String type, Object body) {
  public static final WebhookPayload ENVELOPE = new WebhookPayload("envelope", null);
  static final String FIELD = ChannelSettings.AT + "payload";

  public WebhookPayload {
    type = type == null ? "envelope" : type;
    if (type.equals("envelope")) {
      if (body != null) throw new Invalid("unknown_field", FIELD + ".body", "an envelope payload takes no body");
    } else if (type.equals("custom")) {
      if (body == null) throw Invalid.required(FIELD + ".body");
      body = frozen(body, FIELD + ".body");
    } else {
      throw new Invalid("invalid_value", FIELD + ".type", FIELD + ".type must be envelope or custom");
    }
  }

  public static WebhookPayload custom(Object body) {
    return new WebhookPayload("custom", body);
  }

  public boolean custom() {
    return type.equals("custom");
  }

  /** Every string in the body, by its path under the channel ({@code payload.body.voucher}, {@code ...items[0]}). */
  public Map<String, String> templates() {
    Map<String, String> templates = new LinkedHashMap<>();
    if (custom()) collect(body, "payload.body", templates);
    return templates;
  }

  private static void collect(Object node, String path, Map<String, String> into) {
    if (node instanceof String s) {
      into.put(path, s);
    } else if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) -> collect(value, path + "." + key, into));
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) collect(list.get(i), path + "[" + i + "]", into);
    }
  }

  /** A deep, unmodifiable copy of a JSON value; anything else is refused. */
  private static Object frozen(Object node, String path) {
    if (node == null || node instanceof String || node instanceof Boolean || node instanceof Integer
        || node instanceof Long || node instanceof BigDecimal || node instanceof BigInteger || node instanceof Double) {
      return node;
    }
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, value) -> copy.put(String.valueOf(key), frozen(value, path + "." + key)));
      return Collections.unmodifiableMap(copy);
    }
    if (node instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) copy.add(frozen(list.get(i), path + "[" + i + "]"));
      return Collections.unmodifiableList(copy);
    }
    throw new Invalid("invalid_type", path, path + " must be JSON");
  }
}
