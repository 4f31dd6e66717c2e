package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.dynamodb.DynamoDbEventKeys;
import herald.platform.Env;
import herald.testing.StandIns;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class DynamoDbEventKeysTest {
  @Test
  void aKeyIsClaimedOnceUntilReleased() {
    Env env = StandIns.get().freshEnv();
    DynamoDbEventKeys keys = new DynamoDbEventKeys(StandIns.dynamo(env), env.get("EVENT_KEYS_TABLE"), Clock.systemUTC());
    assertThat(keys.claim("evt_k")).isTrue();
    assertThat(keys.claim("evt_k")).isFalse();
    keys.release("evt_k");
    assertThat(keys.claim("evt_k")).isTrue();
  }
}
