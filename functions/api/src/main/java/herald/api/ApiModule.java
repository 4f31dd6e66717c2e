package herald.api;

import dagger.Module;
import dagger.Provides;
import herald.domain.brand.BrandSettings;
import herald.domain.customers.Customers;
import herald.domain.customers.UpsertCustomer;
import herald.domain.delivery.Messages;
import herald.domain.distributions.Distributions;
import herald.domain.distributions.ManageDistributions;
import herald.domain.events.AcceptEvent;
import herald.domain.events.EventBus;
import herald.domain.events.EventKeys;
import herald.domain.templates.Templates;
import herald.platform.Env;
import herald.platform.StoresModule;
import java.time.Clock;
import javax.inject.Singleton;

@Module(includes = StoresModule.class)
final class ApiModule {
  private ApiModule() {}

  @Provides @Singleton static Router router(Env env, BrandSettings brand, Customers customers, Messages messages,
      Distributions distributions, EventKeys keys, EventBus bus, Templates templates, Clock clock) {
    UpsertCustomer upsert = new UpsertCustomer(customers, clock);
    return new Router(ApiRoutes.all(
        new BrandApi(brand),
        new CustomerApi(upsert, customers),
        new DistributionApi(new ManageDistributions(distributions, templates, clock), messages),
        new EventApi(new AcceptEvent(upsert, keys, bus, clock))),
        new ApiKeyCheck(env.get("HERALD_API_KEY")));
  }
}
