package herald.sender;

import dagger.BindsInstance;
import dagger.Component;
import herald.adapters.json.SendJobJson;
import herald.domain.brand.BrandSettings;
import herald.domain.delivery.Messages;
import herald.domain.delivery.SendJob;
import herald.domain.delivery.SendToRecipient;
import herald.domain.templates.Templates;
import herald.platform.DeliveryModule;
import herald.platform.Env;
import herald.platform.Priming;
import herald.platform.SqsRetries;
import javax.inject.Singleton;

@Singleton
@Component(modules = DeliveryModule.class)
interface SenderComponent {
  SendToRecipient send();

  SqsRetries retries();

  Messages messages();

  BrandSettings brand();

  Templates templates();

  /** Before the SnapStart snapshot: a job read, a template rendered, the tables read once. */
  default void prime() {
    SendJob job = SendJobJson.read(SendJobJson.write(Priming.sampleJob()));
    templates().renderHtml("<p>{{customer.name}}</p>", java.util.Map.of("customer", java.util.Map.of("name", "x")));
    brand().brand();
    messages().get(job.messageId());
  }

  @Component.Factory
  interface Factory {
    SenderComponent create(@BindsInstance Env env);
  }
}
