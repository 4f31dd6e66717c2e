package herald.adapters.aws;

import com.fasterxml.jackson.core.type.TypeReference;
import herald.domain.common.SecretStore;
import herald.platform.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Secrets in AWS Secrets Manager, each a JSON object of texts under {@code <prefix><name>} (the prefix is the
 * stack's, {@code herald/<stack>/}, which the template lets only the functions that need it read or write).
 * What was read or written is kept for {@link #TTL} (a minute) per function instance, so a sender does not call
 * Secrets Manager per message; a change made elsewhere is seen within that time. Values are never logged.
 */
public final class SecretsManagerStore implements SecretStore {
  public static final Duration TTL = Duration.ofMinutes(1);
  private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {};
  private final SecretsManagerClient client;
  private final String prefix;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Optional<Map<String, String>> values, Instant until) {}

  public SecretsManagerStore(SecretsManagerClient client, String prefix, Clock clock) {
    this.client = client;
    this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    this.clock = clock;
  }

  @Override
  public void put(String name, Map<String, String> values) {
    String id = prefix + name;
    String text = Json.write(values);
    try {
      client.putSecretValue(r -> r.secretId(id).secretString(text));
    } catch (ResourceNotFoundException e) {
      try {
        client.createSecret(r -> r.name(id).secretString(text).description("Herald: " + name));
      } catch (ResourceExistsException raced) {
        client.putSecretValue(r -> r.secretId(id).secretString(text));
      }
    }
    cache.put(name, new Cached(Optional.of(Map.copyOf(values)), clock.instant().plus(TTL)));
  }

  @Override
  public Optional<Map<String, String>> get(String name) {
    Cached cached = cache.get(name);
    Instant now = clock.instant();
    if (cached != null && now.isBefore(cached.until())) return cached.values();
    Optional<Map<String, String>> values;
    try {
      String text = client.getSecretValue(r -> r.secretId(prefix + name)).secretString();
      values = Optional.of(Map.copyOf(Json.MAPPER.readValue(text, VALUES)));
    } catch (ResourceNotFoundException e) {
      values = Optional.empty();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("secret " + name + " is not a JSON object of texts", null);
    }
    cache.put(name, new Cached(values, now.plus(TTL)));
    return values;
  }

  @Override
  public void delete(String name) {
    try {
      client.deleteSecret(r -> r.secretId(prefix + name).forceDeleteWithoutRecovery(true));
    } catch (ResourceNotFoundException e) {
      // already gone
    }
    cache.put(name, new Cached(Optional.empty(), clock.instant().plus(TTL)));
  }
}
