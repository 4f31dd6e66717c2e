package herald.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dagger.BindsInstance;
import dagger.Component;
import herald.domain.channels.ChannelKind;
import herald.domain.channels.ChannelKinds;
import herald.domain.distributions.Distributions;
import jakarta.inject.Singleton;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every function reads distributions, so every function builds the channel kinds; most never send. The kinds must
 * then take what only sending needs (providers, the suppressions table, SES's configuration set) when first used:
 * an environment that names the distributions table and nothing a sender needs builds them all.
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
}
