package herald.deadletter;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import herald.domain.delivery.Messages;
import herald.domain.delivery.RecordDeadLetter;
import herald.domain.delivery.StatusCounters;
import herald.adapters.json.SendJobJson;
import herald.platform.Env;
import herald.platform.Priming;
import herald.platform.StoresModule;
import java.time.Clock;
import javax.inject.Singleton;

@Singleton
@Component(modules = DeadLetterComponent.DeadLetterModule.class)
interface DeadLetterComponent {
  RecordDeadLetter record();

  Messages messages();

  /** Before the SnapStart snapshot: a job read and the messages table read once. */
  default void prime() {
    messages().get(SendJobJson.read(SendJobJson.write(Priming.sampleJob())).messageId());
  }

  @Component.Factory
  interface Factory {
    DeadLetterComponent create(@BindsInstance Env env);
  }

  @Module(includes = StoresModule.class)
  final class DeadLetterModule {
    private DeadLetterModule() {}

    @Provides @Singleton static RecordDeadLetter record(Messages messages, StatusCounters stats, Clock clock) {
      return new RecordDeadLetter(messages, stats, clock);
    }
  }
}
