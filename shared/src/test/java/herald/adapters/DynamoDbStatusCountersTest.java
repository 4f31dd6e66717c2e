package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.dynamodb.DynamoDbStatusCounters;
import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.StatusCounters;
import herald.domain.delivery.StatusCounters.Move;
import herald.testing.StandIns;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The status counters on dynalite: a batch of moves written at once counts exactly as the same moves one by one. */
class DynamoDbStatusCountersTest {
  private static final DynamoDbClient DYNAMO = StandIns.dynamo(StandIns.get().baseEnv());
  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
  private static final List<Move> MOVES = List.of(
      new Move("d1", "email", null, MessageStatus.SENDING), new Move("d1", "email", MessageStatus.SENDING,
          MessageStatus.SENT),
      new Move("d1", "email", null, MessageStatus.SENDING), new Move("d1", "email", MessageStatus.SENDING,
          MessageStatus.SKIPPED),
      new Move("d1", "email", null, MessageStatus.SENDING), new Move("d1", "email", MessageStatus.SENDING,
          MessageStatus.QUEUED),
      new Move("d1", "email", MessageStatus.QUEUED, MessageStatus.SENDING), new Move("d1", "email",
          MessageStatus.SENDING, MessageStatus.SENT),
      new Move("d1", "sms", null, MessageStatus.SENDING),
      new Move("d2", "email", null, MessageStatus.SENDING), new Move("d2", "email", MessageStatus.SENDING,
          MessageStatus.FAILED),
      new Move("d2", "email", MessageStatus.FAILED, MessageStatus.FAILED),
      new Move("d3", "email", null, MessageStatus.SENDING), new Move("d3", "email", MessageStatus.SENDING,
          MessageStatus.QUEUED));

  @Test
  void aBatchOfMovesCountsExactlyAsTheSameMovesOneByOne() {
    StatusCounters oneByOne = counters();
    MOVES.forEach(m -> oneByOne.moved(m.distributionId(), m.channel(), m.from(), m.to()));
    StatusCounters batched = counters();
    batched.moved(MOVES.subList(0, 7));
    batched.moved(MOVES.subList(7, MOVES.size()));

    for (String d : List.of("d1", "d2", "d3")) assertThat(batched.of(d)).isEqualTo(oneByOne.of(d));
    assertThat(batched.of("d1").get("email")).containsEntry(MessageStatus.SENT, 2L)
        .containsEntry(MessageStatus.SKIPPED, 1L).containsEntry(MessageStatus.SENDING, 0L);
    assertThat(batched.of("d1").get("sms")).containsEntry(MessageStatus.SENDING, 1L);
    assertThat(batched.of("d3").get("email")).containsEntry(MessageStatus.QUEUED, 1L);
    LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    assertThat(batched.daily(today, today)).isEqualTo(oneByOne.daily(today, today));
    assertThat(batched.daily(today, today).get(today).get("email")).containsEntry(MessageStatus.SENT, 2L)
        .containsEntry(MessageStatus.SKIPPED, 1L).containsEntry(MessageStatus.FAILED, 1L);
    assertThat(batched.lastMoved("d3")).contains(NOW);
  }

  @Test
  void aBatchWhoseMovesCancelOutStillWrites() {
    StatusCounters counters = counters();
    counters.moved(List.of(new Move("d1", "email", MessageStatus.QUEUED, MessageStatus.SENDING),
        new Move("d1", "email", MessageStatus.SENDING, MessageStatus.QUEUED)));
    assertThat(counters.lastMoved("d1")).contains(NOW);
  }

  private static StatusCounters counters() {
    String name = "stats-" + UUID.randomUUID().toString().substring(0, 8);
    DYNAMO.createTable(r -> r.tableName(name).billingMode("PAY_PER_REQUEST")
        .attributeDefinitions(a -> a.attributeName("distribution_id").attributeType(ScalarAttributeType.S),
            a -> a.attributeName("channel").attributeType(ScalarAttributeType.S))
        .keySchema(k -> k.attributeName("distribution_id").keyType("HASH"),
            k -> k.attributeName("channel").keyType("RANGE")));
    DYNAMO.waiter().waitUntilTableExists(r -> r.tableName(name));
    return new DynamoDbStatusCounters(DYNAMO, name, Clock.fixed(NOW, ZoneOffset.UTC));
  }
}
