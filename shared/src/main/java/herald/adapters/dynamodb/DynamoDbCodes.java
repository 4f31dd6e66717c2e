package herald.adapters.dynamodb;

import herald.domain.campaigns.Codes;
import herald.domain.common.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The codes in DynamoDB: one item per (campaign_id, code). An available code carries {@code pool}, "<campaign
 * id>#<shard>" (its shard one of {@value #SHARDS}, fixed by the code), which the sparse Pool index is keyed by, so
 * publishers can each read a shard of their own.
 */
public final class DynamoDbCodes implements Codes {
  static final int SCHEMA = 1;
  public static final int SHARDS = 16;
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
