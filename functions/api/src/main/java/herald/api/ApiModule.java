package herald.api;

import dagger.Module;
import dagger.Provides;
import herald.adapters.json.EventSchemas;
import herald.domain.brand.BrandSettings;
import herald.domain.customers.Customers;
import herald.domain.customers.UpsertCustomer;
import herald.domain.delivery.Messages;
import herald.domain.delivery.UnsubscribeLinks;
import herald.domain.activity.Activity;
import herald.domain.stats.Stats;
import herald.domain.distributions.DistributionRules;
import herald.domain.distributions.Distributions;
import herald.domain.distributions.ManageDistributions;
import herald.domain.distributions.RenderPreview;
import herald.domain.events.AcceptEvent;
import herald.domain.events.EventBus;
import herald.domain.events.EventKeys;
import herald.domain.keys.ApiKeys;
import herald.domain.keys.ManageApiKeys;
import herald.domain.templates.Templates;
import herald.domain.suppressions.Suppressions;
import herald.platform.Env;
import herald.platform.StoresModule;
import java.time.Clock;
import javax.inject.Singleton;

@Module(includes = StoresModule.class)
final class ApiModule {
  private ApiModule() {}

  @Provides @Singleton static Router router(BrandSettings brand, Customers customers, Messages messages,
      EventKeys keys, EventBus bus, Templates templates, Clock clock, ManageApiKeys apiKeys, EventSchemas schemas,
      ManageDistributions manage, Activity activity, Stats stats, Suppressions suppressions,
      UnsubscribeLinks links) {
    UpsertCustomer upsert = new UpsertCustomer(customers, clock);
    return new Router(ApiRoutes.all(
        new BrandApi(brand),
        new CustomerApi(upsert, customers),
        new DistributionApi(manage, activity),
        new MessageApi(manage, messages, customers, brand, new RenderPreview(templates, clock), stats, clock),
        new EventApi(new AcceptEvent(upsert, keys, bus, schemas, clock)),
        new ApiKeyApi(apiKeys),
        new CatalogueApi(schemas),
        new OpenApiDoc(),
        new SuppressionApi(suppressions),
        new UnsubscribeApi(links, upsert, brand)),
        new ApiKeyCheck(apiKeys));
  }

  @Provides @Singleton static ManageDistributions manageDistributions(Distributions distributions,
      DistributionRules rules, Activity activity, Clock clock) {
    return new ManageDistributions(distributions, rules, activity, clock);
  }

  @Provides @Singleton static ManageApiKeys manageApiKeys(ApiKeys keys, Clock clock, Env env) {
    return new ManageApiKeys(keys, clock, env.get("HERALD_API_KEY"));
  }
}
