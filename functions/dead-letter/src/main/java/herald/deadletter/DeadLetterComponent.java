package herald.deadletter;

import dagger.BindsInstance;
import dagger.Component;
import herald.adapters.json.SendJobJson;
import herald.domain.delivery.Messages;
import herald.platform.DeadLettersModule;
import herald.platform.Env;
import herald.platform.Priming;
import herald.platform.Startup;
import herald.platform.StoresModule;
import jakarta.inject.Singleton;

@Singleton
@Component(modules = {StoresModule.class, DeadLettersModule.class})
interface DeadLetterComponent extends Startup.Primed {
  DeadLetterIntake intake();

  Messages messages();

  /** Before the SnapStart snapshot: a job read and the messages table read once. */
  @Override
  default void prime() {
    messages().get(SendJobJson.read(SendJobJson.write(Priming.sampleJob())).messageId());
  }

  @Component.Factory
  interface Factory {
    DeadLetterComponent create(@BindsInstance Env env);
  }
}
