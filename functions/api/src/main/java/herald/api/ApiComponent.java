package herald.api;

import dagger.BindsInstance;
import dagger.Component;
import herald.platform.Env;
import herald.platform.Startup;
import jakarta.inject.Singleton;
import java.util.Map;

@Singleton
@Component(modules = ApiModule.class)
interface ApiComponent extends Startup.Primed {
  Router router();

  Env env();

  /**
   * Before the SnapStart snapshot: requests routed, authenticated, validated and answered without changing
   * anything: a read of a distribution that does not exist, an event whose data fails its schema, a read of an
   * async action that does not exist, an import of a file without rows, a read of a segment that does not exist
   * and a segment whose rule names an unknown field (the rule parser and its field table loaded).
   */
  @Override
  default void prime() {
    Map<String, String> root = Map.of("authorization", "Bearer " + env().get("HERALD_API_KEY"));
    router().handle(new HttpRequest("GET", "/v1/health", Map.of(), Map.of(), null));
    router().handle(new HttpRequest("GET", "/v1/distributions/dist_priming", root, Map.of(), null));
    router().handle(new HttpRequest("POST", "/v1/events", root, Map.of(),
        "{\"event\":\"customer.order.paid\",\"customer\":{\"source_id\":\"priming\"},\"data\":{}}"));
    router().handle(new HttpRequest("GET", "/v1/async-actions/act_priming", root, Map.of(), null));
    router().handle(new HttpRequest("POST", "/v1/customers/import", Map.of("authorization", root.get("authorization"),
        "content-type", "text/csv"), Map.of(), "source_id,name\n"));
    router().handle(new HttpRequest("GET", "/v1/segments/seg_priming", root, Map.of(), null));
    router().handle(new HttpRequest("POST", "/v1/segments", root, Map.of(), "{\"name\":\"priming\",\"type\":"
        + "\"auto-update\",\"rules\":{\"and\":[{\"field\":\"metadata.plan\",\"operator\":\"equals\",\"value\":1},"
        + "{\"field\":\"orders.nope\",\"operator\":\"exists\"}]}}"));
  }

  @Component.Factory
  interface Factory {
    ApiComponent create(@BindsInstance Env env);
  }
}
