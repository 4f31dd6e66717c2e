package herald.api;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import herald.domain.keys.ApiKeys;
import herald.domain.keys.ManageApiKeys;
import herald.platform.CampaignsModule;
import herald.platform.ChangesModule;
import herald.platform.DeadLettersModule;
import herald.platform.Env;
import herald.platform.JobsModule;
import herald.platform.ManualModule;
import herald.platform.SegmentsModule;
import herald.platform.StoresModule;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The api function: every group of routes, and the deployment's own key (HERALD_API_KEY). It writes customers and
 * announces their changes (ChangesModule); it never evaluates a segment's rules.
 */
@Module(includes = {StoresModule.class, JobsModule.class, SegmentsModule.class, ChangesModule.class,
    CampaignsModule.class, ManualModule.class, DeadLettersModule.class})
abstract class ApiModule {
  private ApiModule() {}

  @Provides @Singleton static ManageApiKeys manageApiKeys(ApiKeys keys, Clock clock, Env env) {
    return new ManageApiKeys(keys, clock, env.get("HERALD_API_KEY"));
  }

  @Binds @IntoSet abstract Routes health(HealthApi api);

  @Binds @IntoSet abstract Routes openApi(OpenApiDoc api);

  @Binds @IntoSet abstract Routes brand(BrandApi api);

  @Binds @IntoSet abstract Routes account(AccountApi api);

  @Binds @IntoSet abstract Routes customers(CustomerApi api);

  @Binds @IntoSet abstract Routes imports(ImportApi api);

  @Binds @IntoSet abstract Routes asyncActions(AsyncActionApi api);

  @Binds @IntoSet abstract Routes segments(SegmentApi api);

  @Binds @IntoSet abstract Routes distributions(DistributionApi api);

  @Binds @IntoSet abstract Routes manualSends(ManualSendApi api);

  @Binds @IntoSet abstract Routes channelSecrets(ChannelSecretApi api);

  @Binds @IntoSet abstract Routes integrations(IntegrationApi api);

  @Binds @IntoSet abstract Routes messages(MessageApi api);

  @Binds @IntoSet abstract Routes summaries(SummaryApi api);

  @Binds @IntoSet abstract Routes retries(RetryApi api);

  @Binds @IntoSet abstract Routes stats(StatsApi api);

  @Binds @IntoSet abstract Routes catalogue(CatalogueApi api);

  @Binds @IntoSet abstract Routes events(EventApi api);

  @Binds @IntoSet abstract Routes rejectedEvents(RejectedEventApi api);

  @Binds @IntoSet abstract Routes deadLetters(DeadLetterApi api);

  @Binds @IntoSet abstract Routes apiKeys(ApiKeyApi api);

  @Binds @IntoSet abstract Routes suppressions(SuppressionApi api);

  @Binds @IntoSet abstract Routes unsubscribe(UnsubscribeApi api);

  @Binds @IntoSet abstract Routes campaigns(CampaignApi api);

  @Binds @IntoSet abstract Routes publications(PublicationApi api);

  @Binds @IntoSet abstract Routes qrCodes(QrApi api);
}
