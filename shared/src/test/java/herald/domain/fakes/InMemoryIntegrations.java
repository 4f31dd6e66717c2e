package herald.domain.fakes;

import herald.domain.common.Page;
import herald.domain.integrations.Integration;
import herald.domain.integrations.Integrations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Integrations in memory; {@link #examples()} holds one per tool under the ids the channel kinds' examples name. */
public final class InMemoryIntegrations implements Integrations {
  private final Map<String, Integration> items = new ConcurrentHashMap<>();

  /** With int_example_braze, int_example_mailchimp, int_example_klaviyo and int_example_intercom. */
  public static InMemoryIntegrations examples() {
    InMemoryIntegrations integrations = new InMemoryIntegrations();
    for (String tool : List.of("braze", "mailchimp", "klaviyo", "intercom")) {
      integrations.create(new Integration("int_example_" + tool, tool, tool + " example", null, List.of(), 1,
          Instant.EPOCH, Instant.EPOCH));
    }
    return integrations;
  }

  @Override
  public Optional<Integration> get(String id) {
    return Optional.ofNullable(items.get(id));
  }

  @Override
  public void create(Integration integration) {
    if (items.putIfAbsent(integration.id(), integration) != null) throw new IllegalStateException("exists");
  }

  @Override
  public boolean replace(Integration integration, long expectedVersion) {
    Integration current = items.get(integration.id());
    if (current == null || current.version() != expectedVersion) return false;
    return items.replace(integration.id(), current, integration);
  }

  @Override
  public boolean delete(String id) {
    return items.remove(id) != null;
  }

  @Override
  public Page<Integration> list(String cursor, int limit) {
    List<Integration> all = new ArrayList<>(items.values());
    all.sort(Comparator.comparing(Integration::createdAt).thenComparing(Integration::id));
    int from = cursor == null ? 0 : Integer.parseInt(cursor);
    int to = Math.min(all.size(), from + limit);
    return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
  }
}
