package herald.api;

import dagger.Module;
import dagger.Provides;
import herald.adapters.json.EventSchemas;
import herald.domain.brand.BrandSettings;
import herald.domain.customers.CustomerChanges;
import herald.domain.customers.Customers;
import herald.domain.intake.EraseCustomer;
import herald.domain.intake.UpsertCustomer;
import herald.domain.delivery.Messages;
import herald.domain.delivery.UnsubscribeLinks;
import herald.domain.activity.Activity;
import herald.domain.delivery.StatusCounters;
import herald.domain.distributions.DistributionRules;
import herald.domain.distributions.Distributions;
import herald.domain.distributions.ManageDistributions;
import herald.domain.distributions.RenderPreview;
import herald.domain.intake.AcceptEvent;
import herald.domain.events.EventBus;
import herald.domain.intake.EventKeys;
import herald.domain.keys.ApiKeys;
import herald.domain.keys.ManageApiKeys;
import herald.domain.templates.Templates;
import herald.domain.suppressions.Suppressions;
import herald.platform.Env;
import herald.platform.StoresModule;
import java.time.Clock;
import javax.inject.Singleton;

@Module(includes = {StoresModule.class, herald.platform.ActionsModule.class, herald.platform.SegmentsModule.class})
final class ApiModule {
  private ApiModule() {}

  @Provides @Singleton static Router router(BrandSettings brand, Customers customers, Messages messages,
      EventKeys keys, EventBus bus, Templates templates, Clock clock, ManageApiKeys apiKeys, EventSchemas schemas,
      ManageDistributions manage, Activity activity, StatusCounters stats, Suppressions suppressions,
      UnsubscribeLinks links, ImportApi imports, AsyncActionApi asyncActions, SegmentApi segments,
      CustomerChanges changes) {
    UpsertCustomer upsert = new UpsertCustomer(customers, changes, clock);
    return new Router(ApiRoutes.all(
        new BrandApi(brand),
        new CustomerApi(upsert, new EraseCustomer(customers, changes), customers),
        new DistributionApi(manage, activity),
        new MessageApi(manage, messages, customers, brand, new RenderPreview(templates, clock), stats, clock),
        new EventApi(new AcceptEvent(upsert, keys, bus, schemas, clock)),
        new ApiKeyApi(apiKeys),
        new CatalogueApi(schemas),
        new OpenApiDoc(),
        new SuppressionApi(suppressions),
        new UnsubscribeApi(links, upsert, brand),
        imports, asyncActions, segments),
        new ApiKeyCheck(apiKeys));
  }

  @Provides @Singleton static ManageDistributions manageDistributions(Distributions distributions,
      herald.domain.segments.Segments segments, DistributionRules rules, Activity activity, Clock clock,
      herald.domain.distributions.Activations activations) {
    return new ManageDistributions(distributions, segments, rules, activity, clock, activations);
  }

  @Provides @Singleton static ImportApi importApi(herald.domain.intake.StartImport start) {
    return new ImportApi(start);
  }

  @Provides @Singleton static AsyncActionApi asyncActionApi(herald.domain.jobs.AsyncActions actions) {
    return new AsyncActionApi(actions);
  }

  @Provides @Singleton static SegmentApi segmentApi(herald.domain.segments.Segments segments,
      herald.domain.segments.Memberships memberships, herald.domain.segments.EvaluateSegments evaluate,
      Customers customers, Distributions distributions, herald.domain.segments.SegmentEvaluations evaluations,
      herald.domain.segments.SegmentPurges purges, Clock clock) {
    return new SegmentApi(new herald.domain.segments.ManageSegments(segments, memberships, evaluate, customers,
        new herald.domain.distributions.SegmentUsage(distributions), evaluations, purges, clock));
  }

  @Provides @Singleton static ManageApiKeys manageApiKeys(ApiKeys keys, Clock clock, Env env) {
    return new ManageApiKeys(keys, clock, env.get("HERALD_API_KEY"));
  }
}
