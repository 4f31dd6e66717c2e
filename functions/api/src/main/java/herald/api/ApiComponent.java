package herald.api;

import dagger.BindsInstance;
import dagger.Component;
import herald.platform.Env;
import javax.inject.Singleton;

@Singleton
@Component(modules = ApiModule.class)
interface ApiComponent {
  Router router();

  /** Before the SnapStart snapshot: a request routed, checked and answered, without changing anything. */
  default void prime() {
    router().handle(new HttpRequest("GET", "/v1/health", java.util.Map.of(), java.util.Map.of(), null));
    router().handle(new HttpRequest("POST", "/v1/events", java.util.Map.of("authorization", "Bearer -"),
        java.util.Map.of(), "{\"event\":\"x\"}"));
  }

  @Component.Factory
  interface Factory {
    ApiComponent create(@BindsInstance Env env);
  }
}
