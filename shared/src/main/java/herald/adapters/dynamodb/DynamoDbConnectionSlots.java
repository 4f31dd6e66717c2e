package herald.adapters.dynamodb;

import herald.domain.limits.ConnectionSlots;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Connection slots in the usage table: one item per slot of a pool ({@code slot#mailchimp#int_1#3}) holding who has
 * it ({@code holder}) and until when ({@code lease_until}, epoch milliseconds). Taking reads the pool's slots in one
 * strongly consistent BatchGetItem, then claims a free one (absent, or its lease ended) with a conditional update,
 * trying the free ones in random order; giving back deletes the item only if the caller still holds it. So a slot
 * costs two writes when free (one more per race lost to another sender) and one batch read of the pool; a full pool
 * costs a read and no write. The items expire (TTL) a day after their last lease.
 */
public final class DynamoDbConnectionSlots implements ConnectionSlots {
  private static final Duration KEEP = Duration.ofDays(1);
  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public DynamoDbConnectionSlots(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  @Override
  public Optional<Slot> take(String pool, int size, Instant until) {
    long now = clock.millis();
    List<Integer> free = free(pool, size, now);
    Collections.shuffle(free, ThreadLocalRandom.current());
    String holder = UUID.randomUUID().toString();
    for (int index : free) {
      try {
        dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", id(pool, index)))
            .updateExpression("SET holder = :holder, lease_until = :until, expires_at = :expires")
            .conditionExpression("attribute_not_exists(lease_until) OR lease_until <= :now")
            .expressionAttributeValues(Map.of(":holder", Items.s(holder), ":until", Items.n(until.toEpochMilli()),
                ":now", Items.n(now), ":expires", Items.n(until.plus(KEEP).getEpochSecond()))));
        return Optional.of(new Slot(pool, index, holder, until));
      } catch (ConditionalCheckFailedException taken) {
        // another sender took it since the read: try the next free one
      }
    }
    return Optional.empty();
  }

  @Override
  public void giveBack(Slot slot) {
    try {
      dynamo.deleteItem(r -> r.tableName(table).key(Items.key("id", id(slot.pool(), slot.index())))
          .conditionExpression("holder = :holder")
          .expressionAttributeValues(Map.of(":holder", Items.s(slot.holder()))));
    } catch (ConditionalCheckFailedException notOurs) {
      // the lease ended and another sender holds the slot now: it is theirs to give back
    }
  }

  /** The slots of the pool no one holds now; a slot the batch did not read counts as held. */
  private List<Integer> free(String pool, int size, long now) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (int i = 0; i < size; i++) keys.add(Items.key("id", id(pool, i)));
    var answer = dynamo.batchGetItem(r -> r.requestItems(Map.of(table, KeysAndAttributes.builder().keys(keys)
        .consistentRead(true).projectionExpression("id, lease_until").build())));
    Set<String> held = new HashSet<>();
    answer.responses().getOrDefault(table, List.of()).forEach(item -> {
      if (Long.parseLong(item.get("lease_until").n()) > now) held.add(item.get("id").s());
    });
    answer.unprocessedKeys().getOrDefault(table, KeysAndAttributes.builder().build()).keys()
        .forEach(key -> held.add(key.get("id").s()));
    List<Integer> free = new ArrayList<>();
    for (int i = 0; i < size; i++) if (!held.contains(id(pool, i))) free.add(i);
    return free;
  }

  private static String id(String pool, int index) {
    return "slot#" + pool + "#" + index;
  }
}
