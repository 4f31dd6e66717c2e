package herald.adapters.dynamodb;

import herald.domain.delivery.Engagement;
import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.Recount;
import herald.domain.delivery.StatusCounters;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Atomic counters in the stats table (key distribution_id, sort key channel): one item per distribution and channel,
 * one number per status plus {@code OPENED} and {@code CLICKED}, moved with ADD, and {@code moved_at}. Beside them,
 * under the same key, items whose channel starts with '#' (no channel type does): a manual send's progress
 * ({@link DynamoDbSendProgress}) and what a recount leaves ({@link RecountItems}). The account's counts per day
 * are written with the moves ({@link AccountDays}).
 */
public final class DynamoDbStatusCounters implements StatusCounters {
  static final int SCHEMA = 1;
  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;
  private final RecountItems recounts;
  private final AccountDays days;

  public DynamoDbStatusCounters(DynamoDbClient dynamo, String table) {
    this(dynamo, table, Clock.systemUTC());
  }

  public DynamoDbStatusCounters(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
    this.recounts = new RecountItems(dynamo, table);
    this.days = new AccountDays(dynamo, table);
  }

  @Override
  public void moved(String distributionId, String channel, MessageStatus from, MessageStatus to) {
    moved(List.of(new Move(distributionId, channel, from, to)));
  }

  /**
   * One ADD per distribution and channel for all their moves (the net change of each status), and one per day's
   * channel for the account's counts of the day.
   */
  @Override
  public void moved(java.util.Collection<Move> moves) {
    Instant now = clock.instant();
    Map<List<String>, Map<MessageStatus, Long>> perChannel = new LinkedHashMap<>();
    Map<String, Map<MessageStatus, Long>> perDay = new TreeMap<>();
    for (Move m : moves) {
      if (m.from() == m.to()) continue;
      Map<MessageStatus, Long> deltas = perChannel.computeIfAbsent(List.of(m.distributionId(), m.channel()),
          k -> new EnumMap<>(MessageStatus.class));
      deltas.merge(m.to(), 1L, Long::sum);
      if (m.from() != null) deltas.merge(m.from(), -1L, Long::sum);
      if (AccountDays.COUNTED.contains(m.to())) {
        perDay.computeIfAbsent(m.channel(), c -> new EnumMap<>(MessageStatus.class)).merge(m.to(), 1L, Long::sum);
      }
    }
    perChannel.forEach((key, deltas) -> {
      Map<String, AttributeValue> values = new HashMap<>(Map.of(":schema", Items.n(SCHEMA),
          ":now", Items.s(now.toString())));
      String update = "SET " + Items.SCHEMA + " = :schema, moved_at = :now" + adds(deltas, values);
      dynamo.updateItem(r -> r.tableName(table).key(key(key.get(0), key.get(1))).updateExpression(update)
          .expressionAttributeNames(names(deltas)).expressionAttributeValues(values));
    });
    days.add(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC), perDay);
  }

  /**
   * " ADD #S1 :S1, ..." for each status the moves touched, even when they cancel out (as SENDING's in a batch): a
   * status once reached is present, at 0, as it is after the same moves one by one.
   */
  static String adds(Map<MessageStatus, Long> deltas, Map<String, AttributeValue> values) {
    List<String> adds = new ArrayList<>();
    deltas.forEach((status, n) -> {
      adds.add("#" + status.name() + " :" + status.name());
      values.put(":" + status.name(), Items.n(n));
    });
    return adds.isEmpty() ? "" : " ADD " + String.join(", ", adds);
  }

  /** The names of the statuses {@link #adds} adds. */
  static Map<String, String> names(Map<MessageStatus, Long> deltas) {
    Map<String, String> names = new HashMap<>();
    deltas.keySet().forEach(status -> names.put("#" + status.name(), status.name()));
    return names;
  }

  @Override
  public void engaged(String distributionId, String channel, Engagement what) {
    dynamo.updateItem(r -> r.tableName(table).key(key(distributionId, channel))
        .updateExpression("SET " + Items.SCHEMA + " = :schema, moved_at = :now ADD #e :one")
        .expressionAttributeNames(Map.of("#e", what.name()))
        .expressionAttributeValues(Map.of(":one", Items.n(1), ":schema", Items.n(SCHEMA),
            ":now", Items.s(clock.instant().toString()))));
  }

  @Override
  public Map<String, Map<MessageStatus, Long>> of(String distributionId) {
    Map<String, Map<MessageStatus, Long>> counts = new TreeMap<>();
    channels(distributionId).forEach(item -> counts.put(Items.text(item, "channel"), statuses(item)));
    return counts;
  }

  @Override
  public Map<String, Map<Engagement, Long>> engagement(String distributionId) {
    Map<String, Map<Engagement, Long>> counts = new TreeMap<>();
    channels(distributionId).forEach(item -> {
      Map<Engagement, Long> byKind = new EnumMap<>(Engagement.class);
      for (Engagement e : Engagement.values()) {
        AttributeValue n = item.get(e.name());
        if (n != null && n.n() != null) byKind.put(e, Long.parseLong(n.n()));
      }
      counts.put(Items.text(item, "channel"), byKind);
    });
    return counts;
  }

  @Override
  public Optional<Instant> lastMoved(String distributionId) {
    return channels(distributionId).stream().map(item -> Items.instant(item, "moved_at"))
        .filter(java.util.Objects::nonNull).max(Instant::compareTo);
  }

  @Override
  public void recounted(String distributionId, Recount recount) {
    java.util.Set<String> channels = new java.util.TreeSet<>(recount.statuses().keySet());
    channels(distributionId).forEach(item -> channels.add(Items.text(item, "channel")));
    for (String channel : channels) {
      Map<MessageStatus, Long> statuses = recount.statuses().getOrDefault(channel, Map.of());
      Map<Engagement, Long> engaged = recount.engaged().getOrDefault(channel, Map.of());
      List<String> set = new ArrayList<>(List.of(Items.SCHEMA + " = :schema"));
      List<String> remove = new ArrayList<>();
      Map<String, AttributeValue> values = new HashMap<>(Map.of(":schema", Items.n(SCHEMA)));
      for (MessageStatus status : MessageStatus.values()) {
        Long n = statuses.get(status);
        if (n == null) {
          remove.add(status.name());
        } else {
          set.add(status.name() + " = :" + status.name());
          values.put(":" + status.name(), Items.n(n));
        }
      }
      for (Engagement e : Engagement.values()) {
        set.add(e.name() + " = :" + e.name());
        values.put(":" + e.name(), Items.n(engaged.getOrDefault(e, 0L)));
      }
      String update = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
      dynamo.updateItem(r -> r.tableName(table).key(key(distributionId, channel)).updateExpression(update)
          .expressionAttributeValues(values));
    }
    recounts.write(distributionId, recount);
  }

  @Override
  public Optional<Recount> lastRecount(String distributionId) {
    return recounts.last(distributionId);
  }

  @Override
  public Map<Instant, Map<MessageStatus, Long>> hours(String distributionId, Instant from, Instant to) {
    return recounts.hours(distributionId, from, to);
  }

  @Override
  public Map<LocalDate, Map<String, Map<MessageStatus, Long>>> daily(LocalDate from, LocalDate to) {
    return days.daily(from, to);
  }

  /** The distribution's channels' counter items (not its progress or recount). */
  private List<Map<String, AttributeValue>> channels(String distributionId) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    AllPages.query(dynamo, QueryRequest.builder().tableName(table).consistentRead(true)
        .keyConditionExpression("distribution_id = :d")
        .expressionAttributeValues(Map.of(":d", Items.s(distributionId))))
        .forEach(item -> {
          if (Items.text(item, "channel").startsWith("#")) return;
          Items.schema(item, SCHEMA, "status counters");
          items.add(item);
        });
    return items;
  }

  static Map<MessageStatus, Long> statuses(Map<String, AttributeValue> item) {
    Map<MessageStatus, Long> byStatus = new LinkedHashMap<>();
    for (MessageStatus status : MessageStatus.values()) {
      AttributeValue n = item.get(status.name());
      if (n != null && n.n() != null) byStatus.put(status, Long.parseLong(n.n()));
    }
    return byStatus;
  }

  static Map<String, AttributeValue> key(String distributionId, String channel) {
    return Map.of("distribution_id", Items.s(distributionId), "channel", Items.s(channel));
  }
}
