package herald.feedback;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import herald.domain.suppressions.Suppressions;
import herald.adapters.json.SesEventJson;
import herald.domain.delivery.Messages;
import herald.domain.delivery.RecordFeedback;
import herald.domain.delivery.StatusCounters;
import herald.platform.Env;
import herald.platform.Json;
import herald.platform.StoresModule;
import java.time.Clock;
import javax.inject.Singleton;

@Singleton
@Component(modules = FeedbackComponent.FeedbackModule.class)
interface FeedbackComponent {
  RecordFeedback record();

  Messages messages();

  /** Before the SnapStart snapshot: an SES event read and the messages table read once; nothing changed. */
  default void prime() {
    var feedback = SesEventJson.read(Json.parse("{\"detail\":{\"eventType\":\"Delivery\",\"mail\":{\"tags\":"
        + "{\"herald_message_id\":[\"msg_priming\"]},\"destination\":[\"priming@example.com\"]}}}"));
    messages().get(feedback.messageId());
  }

  @Component.Factory
  interface Factory {
    FeedbackComponent create(@BindsInstance Env env);
  }

  @Module(includes = StoresModule.class)
  final class FeedbackModule {
    private FeedbackModule() {}

    @Provides @Singleton static RecordFeedback record(Messages messages, Suppressions suppressions, StatusCounters stats,
        Clock clock) {
      return new RecordFeedback(messages, suppressions, stats, clock);
    }
  }
}
