package herald.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dagger.BindsInstance;
import dagger.Component;
import herald.domain.channels.ChannelKind;
import herald.domain.channels.ChannelKinds;
import herald.domain.channels.webhook.WebhookChannel;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Distributions;
import herald.domain.fakes.Samples;
import herald.testing.StandIns;
import java.time.Instant;
import java.util.List;
import jakarta.inject.Singleton;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every function reads distributions, so every function builds the channel kinds; most never send. The kinds must
 * then take what only sending needs (providers, the suppressions table, SES's configuration set) when first used:
 * an environment that names the distributions table and nothing a sender needs builds them all. Webhook secrets
 * are read only to sign: a function that reads and writes back a distribution needs no Secrets Manager.
 */
class ChannelsNeedNoSenderEnvironmentTest {
  @Singleton
  @Component(modules = StoresModule.class)
  interface Reader {
    Distributions distributions();

    ChannelKinds kinds();

    @Component.Factory
    interface Factory {
      Reader create(@BindsInstance Env env);
    }
  }

  @Test
  void aFunctionThatDoesNotSendBuildsEveryKindFromItsOwnEnvironment() {
    Reader reader = DaggerChannelsNeedNoSenderEnvironmentTest_Reader.factory()
        .create(Env.of(Map.of("DISTRIBUTIONS_TABLE", "herald-distributions", "AWS_REGION", "eu-west-1")));

    assertThat(reader.distributions()).isNotNull();
    assertThat(reader.kinds().all()).extracting(ChannelKind::type).contains("email", "sms", "webhook");
  }

  @Test
  void aFunctionThatNeverSignsReadsAndWritesBackASealedWebhookWithoutSecretsManager() {
    Env env = StandIns.get().freshEnv().with("HERALD_SECRETS_PREFIX", " ")
        .with("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:9");
    Reader reader = DaggerChannelsNeedNoSenderEnvironmentTest_Reader.factory().create(env);
    WebhookChannel sealed = new WebhookChannel("https://hooks.example.com/in", null, Map.of(), null, null,
        Instant.parse("2025-03-02T10:00:00Z"), false, "whr_current", "whr_previous");
    Distribution stored = new Distribution("dist_hook", "Hook", null, DistributionStatus.ACTIVE,
        Samples.orderPaid(), Audience.eventCustomer(), Action.of(ActionType.PLAIN_MESSAGE), List.of(sealed), 1,
        Samples.T0, Samples.T0);
    reader.distributions().create(stored);

    Distribution read = reader.distributions().get("dist_hook").orElseThrow();
    assertThat(read.channels()).containsExactly(sealed);
    assertThat(reader.distributions().replace(read.moveTo(DistributionStatus.PAUSED, Samples.T0), 1)).isTrue();
    assertThat(reader.distributions().get("dist_hook").orElseThrow().channels()).containsExactly(sealed);
  }
}
