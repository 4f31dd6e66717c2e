package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.dynamodb.DynamoDbActivity;
import herald.domain.activity.ActivityEntry;
import herald.domain.common.Page;
import herald.platform.Env;
import herald.testing.StandIns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamoDbActivityTest {
  @Test
  void readsASubjectsEntriesNewestFirstPageByPage() {
    Env env = StandIns.get().freshEnv();
    DynamoDbActivity activity = new DynamoDbActivity(StandIns.dynamo(env), env.get("ACTIVITY_TABLE"));
    Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
    String[] actions = {"created", "updated", "activated", "paused", "archived"};
    for (int i = 0; i < actions.length; i++) {
      activity.record(new ActivityEntry("distribution#d1", t0.plusSeconds(i), "root", actions[i], i + 1));
    }
    activity.record(new ActivityEntry("distribution#d2", t0, "ops-key", "created", 1));
    // Two entries in the same instant are both kept.
    activity.record(new ActivityEntry("distribution#d2", t0, "ops-key", "updated", 2));

    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      Page<ActivityEntry> page = activity.of("distribution#d1", cursor, 2);
      page.items().forEach(e -> seen.add(e.action()));
      cursor = page.next();
    } while (cursor != null);

    assertThat(seen).containsExactly("archived", "paused", "activated", "updated", "created");
    assertThat(activity.of("distribution#d2", null, 10).items()).extracting(ActivityEntry::actor)
        .containsExactly("ops-key", "ops-key");
  }
}
