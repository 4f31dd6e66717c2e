package herald.feedback;

import dagger.BindsInstance;
import dagger.Component;
import herald.adapters.json.SesEventJson;
import herald.domain.delivery.Messages;
import herald.domain.delivery.RecordFeedback;
import herald.platform.Env;
import herald.platform.Json;
import herald.platform.Startup;
import herald.platform.StoresModule;
import jakarta.inject.Singleton;

@Singleton
@Component(modules = StoresModule.class)
interface FeedbackComponent extends Startup.Primed {
  RecordFeedback record();

  Messages messages();

  /** Before the SnapStart snapshot: an SES event read and the messages table read once; nothing changed. */
  @Override
  default void prime() {
    var feedback = SesEventJson.read(Json.parse("{\"detail\":{\"eventType\":\"Delivery\",\"mail\":{\"tags\":"
        + "{\"herald_message_id\":[\"msg_priming\"]},\"destination\":[\"priming@example.com\"]}}}"));
    messages().get(feedback.messageId());
  }

  @Component.Factory
  interface Factory {
    FeedbackComponent create(@BindsInstance Env env);
  }
}
