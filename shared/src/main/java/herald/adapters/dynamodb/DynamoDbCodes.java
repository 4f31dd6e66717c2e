package herald.adapters.dynamodb;

import herald.domain.campaigns.Claim;
import herald.domain.campaigns.Codes;
import herald.domain.campaigns.Codes.Taken;
import herald.domain.common.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The codes in DynamoDB: one item per (campaign_id, code). An available code carries {@code pool}, "<campaign
 * id>#<shard>" (its shard one of {@value #SHARDS}, fixed by the code), which the sparse Pool index is keyed by, so
 * publishers can each read a shard of their own.
 */
public final class DynamoDbCodes implements Codes {
  static final int SCHEMA = 1;
  public static final int SHARDS = 16;
  static final int CANDIDATES = 10;
  /** "pool" is a reserved word of DynamoDB's expressions. */
  private static final Map<String, String> POOL = Map.of("#pool", "pool");
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbCodes(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Map<String, String> existing(String campaignId, Collection<String> codes) {
    Map<String, String> found = new HashMap<>();
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (String code : codes) keys.add(key(campaignId, code));
    Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true)
        .projectionExpression("code, origin").build());
    while (!request.isEmpty()) {
      Map<String, KeysAndAttributes> asked = request;
      var response = dynamo.batchGetItem(r -> r.requestItems(asked));
      response.responses().getOrDefault(table, List.of())
          .forEach(item -> found.put(item.get("code").s(), Items.text(item, "origin")));
      request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
    }
    return found;
  }

  @Override
  public void add(String campaignId, Collection<String> codes, String origin, Instant now) {
    List<WriteRequest> writes = new ArrayList<>();
    for (String code : codes) {
      writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(campaignId, code, origin, now))
          .build()).build());
      if (writes.size() == 25) flush(writes);
    }
    flush(writes);
  }

  @Override
  public Optional<String> addIfAbsent(String campaignId, String code, String origin, Instant now) {
    try {
      dynamo.putItem(r -> r.tableName(table).item(item(campaignId, code, origin, now))
          .conditionExpression("attribute_not_exists(code)"));
      return Optional.empty();
    } catch (ConditionalCheckFailedException e) {
      var there = dynamo.getItem(r -> r.tableName(table).key(key(campaignId, code)).consistentRead(true)).item();
      return Optional.of(there == null || there.isEmpty() ? "" : Items.text(there, "origin"));
    }
  }

  /**
   * Tries the shards in a random order: reads up to {@value #CANDIDATES} available codes of one (the sparse Pool
   * index), and takes them in a random order with a conditional update that removes the code from the pool; a lost
   * race tries the next candidate, a shard read empty the next shard.
   */
  @Override
  public Claim claim(String campaignId, String publicationId, String customerId, Instant now,
      Consumer<String> beforeTaking) {
    List<Integer> shards = new ArrayList<>();
    for (int s = 0; s < SHARDS; s++) shards.add(s);
    Collections.shuffle(shards, ThreadLocalRandom.current());
    int conflicts = 0;
    for (int shard : shards) {
      String pool = campaignId + "#" + shard;
      while (true) {
        List<String> candidates = new ArrayList<>(dynamo.query(r -> r.tableName(table).indexName("Pool")
            .keyConditionExpression("#pool = :pool").expressionAttributeNames(POOL)
            .expressionAttributeValues(Map.of(":pool", Items.s(pool)))
            .limit(CANDIDATES)).items().stream().map(item -> item.get("code").s()).toList());
        if (candidates.isEmpty()) break;
        Collections.shuffle(candidates, ThreadLocalRandom.current());
        for (String code : candidates) {
          beforeTaking.accept(code);
          Taken taken = take(campaignId, code, publicationId, customerId, now);
          if (taken != Taken.LOST) return new Claim(code, conflicts, taken == Taken.FRESH);
          conflicts++;
        }
      }
    }
    return new Claim(null, conflicts);
  }

  /**
   * One conditional update: in the pool, or the publication's already (published_at kept then); the old item
   * tells which.
   */
  @Override
  public Taken take(String campaignId, String code, String publicationId, String customerId, Instant now) {
    try {
      var old = dynamo.updateItem(r -> r.tableName(table).key(key(campaignId, code))
          .updateExpression("SET publication_id = :p, customer_id = :c, published_at = if_not_exists(published_at, :t)"
              + " REMOVE #pool")
          .conditionExpression("attribute_exists(#pool) OR publication_id = :p").expressionAttributeNames(POOL)
          .expressionAttributeValues(Map.of(":p", Items.s(publicationId), ":c", Items.s(customerId),
              ":t", Items.s(now.toString())))
          .returnValues(ReturnValue.ALL_OLD)).attributes();
      return old != null && old.containsKey("pool") ? Taken.FRESH : Taken.ALREADY_MINE;
    } catch (ConditionalCheckFailedException e) {
      return Taken.LOST;
    }
  }

  @Override
  public boolean release(String campaignId, String code, String publicationId) {
    try {
      dynamo.updateItem(r -> r.tableName(table).key(key(campaignId, code))
          .updateExpression("SET #pool = :pool REMOVE publication_id, customer_id, published_at")
          .conditionExpression("publication_id = :p").expressionAttributeNames(POOL)
          .expressionAttributeValues(Map.of(":p", Items.s(publicationId),
              ":pool", Items.s(campaignId + "#" + Ids.shard(code, SHARDS)))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public int purge(String campaignId, int limit) {
    return PartitionPurge.purge(dynamo,
        new PartitionPurge.Partition(table, null, "campaign_id", campaignId, List.of("campaign_id", "code")), limit);
  }

  private void flush(List<WriteRequest> writes) {
    if (writes.isEmpty()) return;
    Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(writes));
    writes.clear();
    while (!pending.isEmpty()) {
      Map<String, List<WriteRequest>> asked = pending;
      var response = dynamo.batchWriteItem(r -> r.requestItems(asked));
      pending = response.hasUnprocessedItems() && !response.unprocessedItems().isEmpty()
          ? response.unprocessedItems() : Map.of();
    }
  }

  static Map<String, AttributeValue> item(String campaignId, String code, String origin, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>(key(campaignId, code));
    item.put("origin", Items.s(origin));
    item.put("created_at", Items.s(now.toString()));
    item.put("pool", Items.s(campaignId + "#" + Ids.shard(code, SHARDS)));
    return Items.withSchema(item, SCHEMA);
  }

  static Map<String, AttributeValue> key(String campaignId, String code) {
    return Map.of("campaign_id", Items.s(campaignId), "code", Items.s(code));
  }
}
