package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.dynamodb.DynamoDbDistributions;
import herald.domain.channels.email.EmailChannel;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Trigger;
import herald.platform.Env;
import herald.testing.StandIns;
import herald.testing.TestChannels;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbDistributionsTest {
  private DynamoDbDistributions distributions;

  @BeforeEach
  void freshTables() {
    Env env = StandIns.get().freshEnv();
    distributions = new DynamoDbDistributions(StandIns.dynamo(env), env.get("DISTRIBUTIONS_TABLE"),
        TestChannels.kinds());
  }

  @Test
  void storesAndReadsBackEveryPart() {
    Distribution d = distribution("dist_a", DistributionStatus.DRAFT, "customer.custom_event");
    distributions.create(d);
    assertThat(distributions.get("dist_a")).contains(d);
    assertThat(distributions.get("dist_missing")).isEmpty();
  }

  @Test
  void findsOnlyActiveDistributionsOfTheTriggerType() {
    distributions.create(distribution("dist_active", DistributionStatus.ACTIVE, "customer.custom_event"));
    distributions.create(distribution("dist_draft", DistributionStatus.DRAFT, "customer.custom_event"));
    distributions.create(distribution("dist_paid", DistributionStatus.ACTIVE, "customer.order.paid"));
    Distribution paused = distribution("dist_paused", DistributionStatus.ACTIVE, "customer.custom_event");
    distributions.create(paused);
    distributions.replace(paused.moveTo(DistributionStatus.PAUSED, Instant.now()), paused.version());

    assertThat(distributions.activeFor("customer.custom_event")).extracting(Distribution::id)
        .containsExactly("dist_active");
    assertThat(distributions.activeFor("customer.order.paid")).extracting(Distribution::id)
        .containsExactly("dist_paid");
  }

  @Test
  void replaceFailsWhenTheVersionMovedOn() {
    Distribution d = distribution("dist_v", DistributionStatus.DRAFT, "customer.custom_event");
    distributions.create(d);
    Distribution active = d.moveTo(DistributionStatus.ACTIVE, Instant.now());
    assertThat(distributions.replace(active, 1)).isTrue();
    Distribution archived = d.moveTo(DistributionStatus.ARCHIVED, Instant.now());
    assertThat(distributions.replace(archived, 1)).isFalse();
    assertThat(distributions.get("dist_v").orElseThrow().status()).isEqualTo(DistributionStatus.ACTIVE);
  }

  @Test
  void listsOldestFirstByStatusAndTriggerAcrossPages() {
    Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
    for (int i = 0; i < 12; i++) {
      String type = i % 3 == 0 ? "customer.order.paid" : "customer.custom_event";
      DistributionStatus status = i % 2 == 0 ? DistributionStatus.ACTIVE : DistributionStatus.DRAFT;
      distributions.create(distribution(String.format("dist_%02d", i), status, type, t0.plusSeconds(i)));
    }

    assertThat(all(null, null, 5)).extracting(Distribution::id).containsExactly("dist_00", "dist_01", "dist_02",
        "dist_03", "dist_04", "dist_05", "dist_06", "dist_07", "dist_08", "dist_09", "dist_10", "dist_11");
    assertThat(all(DistributionStatus.ACTIVE, null, 2)).extracting(Distribution::id)
        .containsExactly("dist_00", "dist_02", "dist_04", "dist_06", "dist_08", "dist_10");
    assertThat(all(null, "customer.order.paid", 1)).extracting(Distribution::id)
        .containsExactly("dist_00", "dist_03", "dist_06", "dist_09");
    assertThat(all(DistributionStatus.DRAFT, "customer.order.paid", 10)).extracting(Distribution::id)
        .containsExactly("dist_03", "dist_09");
    assertThat(distributions.list(null, null, null, 12).next()).isNull();
  }

  @Test
  void refusesACursorFromAnotherList() {
    distributions.create(distribution("dist_1", DistributionStatus.ACTIVE, "customer.order.paid", Instant.now()));
    distributions.create(distribution("dist_2", DistributionStatus.ACTIVE, "customer.order.paid", Instant.now()));
    String cursor = distributions.list(DistributionStatus.ACTIVE, null, null, 1).next();
    assertThat(cursor).isNotNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> distributions.list(DistributionStatus.DRAFT, null, cursor, 1))
        .isInstanceOf(herald.domain.common.Invalid.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> distributions.list(null, null, "bm90LWEtY3Vyc29y", 1))
        .isInstanceOf(herald.domain.common.Invalid.class);
  }

  @Test
  void deletesOnlyTheVersionItWasAskedFor() {
    Distribution d = distribution("dist_del", DistributionStatus.DRAFT, "customer.order.paid");
    distributions.create(d);
    assertThat(distributions.delete("dist_del", 7)).isFalse();
    assertThat(distributions.get("dist_del")).isPresent();
    assertThat(distributions.delete("dist_del", 1)).isTrue();
    assertThat(distributions.get("dist_del")).isEmpty();
  }

  private List<Distribution> all(DistributionStatus status, String type, int pageSize) {
    List<Distribution> seen = new java.util.ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var page = distributions.list(status, type, cursor, pageSize);
      assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
      seen.addAll(page.items());
      cursor = page.next();
    } while (cursor != null && ++pages < 50);
    return seen;
  }

  private static Distribution distribution(String id, DistributionStatus status, String type) {
    return distribution(id, status, type, Instant.parse("2026-11-25T10:00:00Z"));
  }

  private static Distribution distribution(String id, DistributionStatus status, String type, Instant now) {
    Map<String, String> filters = type.equals("customer.custom_event") ? Map.of("event", "signed_up") : Map.of();
    return new Distribution(id, "Welcome", null, status, new Trigger(type, filters), Audience.eventCustomer(),
        Action.of(ActionType.PLAIN_MESSAGE), List.of(new EmailChannel("Hi {{customer.name}}", "<p>Hi</p>", "Hi")), 1, now, now);
  }
}
