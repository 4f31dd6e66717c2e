package herald.domain.customers;

import herald.domain.common.Nesting;
import herald.domain.common.Text;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a caller says about a customer when upserting: only the fields given are changed. {@code timezone} is an
 * IANA zone id ({@code Europe/Warsaw}). {@code consents} gives an answer per channel ("email", "sms"): true
 * grants, false revokes; Herald records when. Source id and name are plain text; metadata nests at most
 * {@link Nesting#MAX_DEPTH} levels.
 */
public record CustomerProfile(String sourceId, String name, String email, String phone, String timezone,
    Map<String, Object> metadata, Map<String, Boolean> consents) {
  public static final int MAX_SOURCE_ID = 256;

  public CustomerProfile {
    sourceId = Text.plain(Text.maxLength(Text.required(sourceId, "source_id"), MAX_SOURCE_ID, "source_id"),
        "source_id");
    name = Text.plain(name, "name");
    metadata = Nesting.bounded(metadata, "metadata");
    timezone = Text.timezone(timezone, "timezone");
    consents = copy(consents);
  }

  /** A profile without a timezone. */
  public CustomerProfile(String sourceId, String name, String email, String phone, Map<String, Object> metadata,
      Map<String, Boolean> consents) {
    this(sourceId, name, email, phone, null, metadata, consents);
  }

  public CustomerProfile(String sourceId, String name, String email, String phone, Map<String, Object> metadata) {
    this(sourceId, name, email, phone, null, metadata, null);
  }

  public static CustomerProfile of(String sourceId) {
    return new CustomerProfile(sourceId, null, null, null, null);
  }

  private static Map<String, Boolean> copy(Map<String, Boolean> consents) {
    if (consents == null || consents.isEmpty()) return Map.of();
    Map<String, Boolean> copy = new TreeMap<>();
    consents.forEach((channel, granted) -> {
      Consent.channel(channel, "consents." + channel);
      if (granted == null) throw herald.domain.common.Invalid.required("consents." + channel + ".granted");
      copy.put(channel, granted);
    });
    return Collections.unmodifiableMap(copy);
  }
}
