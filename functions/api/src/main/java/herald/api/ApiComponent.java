package herald.api;

import dagger.BindsInstance;
import dagger.Component;
import herald.platform.Env;
import javax.inject.Singleton;

@Singleton
@Component(modules = ApiModule.class)
interface ApiComponent {
  Router router();

  @Component.Factory
  interface Factory {
    ApiComponent create(@BindsInstance Env env);
  }
}
