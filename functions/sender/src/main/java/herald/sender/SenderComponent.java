package herald.sender;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import herald.domain.brand.BrandSettings;
import herald.domain.customers.Customers;
import herald.domain.delivery.EmailSender;
import herald.domain.delivery.Messages;
import herald.domain.delivery.RenderEmail;
import herald.adapters.json.SendJobJson;
import herald.domain.delivery.SendJob;
import herald.domain.delivery.SendToRecipient;
import herald.platform.Priming;
import herald.domain.distributions.Distributions;
import herald.domain.templates.Templates;
import herald.platform.Env;
import herald.platform.StoresModule;
import java.time.Clock;
import javax.inject.Singleton;

@Singleton
@Component(modules = SenderComponent.SenderModule.class)
interface SenderComponent {
  SendToRecipient send();

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

  @Module(includes = StoresModule.class)
  final class SenderModule {
    private SenderModule() {}

    @Provides @Singleton static SendToRecipient send(Messages messages, Distributions distributions,
        Customers customers, BrandSettings brand, EmailSender email, Templates templates, Clock clock) {
      return new SendToRecipient(messages, distributions, customers, brand, email, new RenderEmail(templates), clock);
    }
  }
}
