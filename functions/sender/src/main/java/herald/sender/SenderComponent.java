package herald.sender;

import dagger.BindsInstance;
import dagger.Component;
import herald.adapters.json.SendJobJson;
import herald.domain.brand.BrandSettings;
import herald.domain.channels.ChannelKinds;
import herald.domain.delivery.Messages;
import herald.domain.delivery.SendJob;
import herald.domain.delivery.SendToRecipient;
import herald.domain.templates.Templates;
import herald.platform.CampaignsModule;
import herald.platform.DeliveryModule;
import herald.platform.Env;
import herald.platform.Metrics;
import herald.platform.Priming;
import herald.platform.SqsRetries;
import herald.platform.Startup;
import jakarta.inject.Singleton;
import java.util.Map;

@Singleton
@Component(modules = {DeliveryModule.class, CampaignsModule.class})
interface SenderComponent extends Startup.Primed {
  SendToRecipient send();

  SqsRetries retries();

  Metrics metrics();

  /** Their providers' clients are built at start-up (Lambda's init phase), not on the first send. */
  ChannelKinds channels();

  Messages messages();

  BrandSettings brand();

  Templates templates();

  /** Before the SnapStart snapshot: a job read, a template rendered, the tables read once. */
  @Override
  default void prime() {
    SendJob job = SendJobJson.read(SendJobJson.write(Priming.sampleJob()));
    templates().renderHtml("<p>{{customer.name}}</p>", Map.of("customer", Map.of("name", "x")));
    brand().brand();
    messages().get(job.messageId());
  }

  @Component.Factory
  interface Factory {
    SenderComponent create(@BindsInstance Env env);
  }
}
