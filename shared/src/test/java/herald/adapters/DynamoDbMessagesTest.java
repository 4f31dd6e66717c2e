package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.dynamodb.DynamoDbMessages;
import herald.domain.common.Page;
import herald.domain.delivery.Message;
import herald.domain.delivery.MessageStatus;
import herald.platform.Env;
import herald.testing.StandIns;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbMessagesTest {
  private DynamoDbMessages messages;

  @BeforeEach
  void freshTables() {
    Env env = StandIns.get().freshEnv();
    messages = new DynamoDbMessages(StandIns.dynamo(env), env.get("MESSAGES_TABLE"), Clock.systemUTC());
  }

  @Test
  void onlyOneOfManyConcurrentClaimsWins() throws Exception {
    Message m = message("msg_1", "dist_1");
    var pool = Executors.newFixedThreadPool(8);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 16; i++) results.add(pool.submit((Callable<Boolean>) () -> messages.claim(m).claimed()));
    int wins = 0;
    for (Future<Boolean> r : results) if (r.get()) wins++;
    pool.shutdown();
    assertThat(wins).isEqualTo(1);
    assertThat(messages.get("msg_1")).get().extracting(Message::status).isEqualTo(MessageStatus.SENDING);
  }

  @Test
  void aReleasedMessageCanBeClaimedAgainButAFinishedOneCannot() {
    Message m = message("msg_2", "dist_1");
    assertThat(messages.claim(m).claimed()).isTrue();
    messages.release("msg_2", "test");
    assertThat(messages.get("msg_2")).get().extracting(Message::status).isEqualTo(MessageStatus.QUEUED);
    assertThat(messages.claim(m).claimed()).isTrue();
    messages.finish("msg_2", MessageStatus.SENT, null, "ses-123");
    assertThat(messages.claim(m).claimed()).isFalse();
    Message stored = messages.get("msg_2").orElseThrow();
    assertThat(stored.status()).isEqualTo(MessageStatus.SENT);
    assertThat(stored.providerId()).isEqualTo("ses-123");
  }

  @Test
  void deadLetterFailsOnlyUnfinishedMessages() {
    Message sent = message("msg_sent", "dist_1");
    messages.claim(sent);
    messages.finish("msg_sent", MessageStatus.SENT, null, "p");
    Message stuck = message("msg_stuck", "dist_1");
    messages.claim(stuck);

    assertThat(messages.failUnlessFinished(sent, "retries_exhausted").claimed()).isFalse();
    assertThat(messages.failUnlessFinished(stuck, "retries_exhausted").claimed()).isTrue();
    assertThat(messages.failUnlessFinished(message("msg_never", "dist_1"), "retries_exhausted").claimed()).isTrue();

    assertThat(messages.get("msg_sent").orElseThrow().status()).isEqualTo(MessageStatus.SENT);
    assertThat(messages.get("msg_stuck").orElseThrow().reason()).isEqualTo("retries_exhausted");
    assertThat(messages.get("msg_never").orElseThrow().status()).isEqualTo(MessageStatus.FAILED);
  }

  @Test
  void pagesThroughADistributionsMessagesWithACursor() {
    for (int i = 0; i < 7; i++) messages.claim(message("msg_p" + i, "dist_paged"));
    messages.claim(message("msg_other", "dist_other"));
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      Page<Message> page = messages.forDistribution("dist_paged", cursor, 3);
      page.items().forEach(m -> seen.add(m.id()));
      cursor = page.next();
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(seen).hasSize(7).allMatch(id -> id.startsWith("msg_p"));
    assertThat(pages).isBetween(3, 4);
  }

  @Test
  void finishingReplacesAnEarlierReason() {
    Message m = message("msg_r", "dist_1");
    messages.claim(m);
    messages.finish("msg_r", MessageStatus.SKIPPED, "no_address", null);
    assertThat(messages.get("msg_r").orElseThrow().reason()).isEqualTo("no_address");
  }

  private static Message message(String id, String distributionId) {
    return new Message(id, distributionId, "evt_1", "cust_1", "email", MessageStatus.SENDING, null, null,
        Instant.now(), Instant.now());
  }
}
