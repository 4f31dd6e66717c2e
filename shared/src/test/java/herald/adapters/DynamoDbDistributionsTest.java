package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.dynamodb.DynamoDbDistributions;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.AudienceType;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.EmailChannel;
import herald.domain.distributions.Trigger;
import herald.platform.Env;
import herald.testing.StandIns;
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
    distributions = new DynamoDbDistributions(StandIns.dynamo(env), env.get("DISTRIBUTIONS_TABLE"));
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

  private static Distribution distribution(String id, DistributionStatus status, String type) {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    Map<String, String> filters = type.equals("customer.custom_event") ? Map.of("event", "signed_up") : Map.of();
    return new Distribution(id, "Welcome", status, new Trigger(type, filters), AudienceType.EVENT_CUSTOMER,
        ActionType.PLAIN_MESSAGE, List.of(new EmailChannel("Hi {{customer.name}}", "<p>Hi</p>", "Hi")), 1, now, now);
  }
}
