package herald.platform;

import herald.domain.delivery.SendJob;
import herald.domain.events.EventCatalogue;
import herald.domain.events.TriggerEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: work run once before Lambda takes the function's snapshot, so the classes and
 * code paths of a first request (JSON, templates, the SDK's marshalling) are loaded and warm in it.
 * Outside SnapStart nothing calls it. Priming never fails the function: errors are logged.
 */
public final class Priming {
  private static final List<Resource> KEEP = new ArrayList<>();   // CRaC holds resources weakly

  private Priming() {}

  public static synchronized void register(String function, Runnable prime) {
    Resource resource = new Resource() {
      @Override
      public void beforeCheckpoint(Context<? extends Resource> context) {
        run(function, prime);
      }

      @Override
      public void afterRestore(Context<? extends Resource> context) {}
    };
    KEEP.add(resource);
    Core.getGlobalContext().register(resource);
  }

  /**
   * A job like the ones on the send queue, for priming the code that reads them; on a channel no distribution has,
   * so nothing it primes can send.
   */
  public static SendJob sampleJob() {
    TriggerEvent event = new TriggerEvent("evt_priming", EventCatalogue.CUSTOM_EVENT, Instant.EPOCH,
        new TriggerEvent.CustomerRef("cust_priming", "priming"), Map.of("event", "priming"));
    return new SendJob("dist_priming", "priming", "cust_priming", event);
  }

  static void run(String function, Runnable prime) {
    try {
      prime.run();
      Log.info("primed", "function", function);
    } catch (RuntimeException e) {
      Log.error("priming_failed", e, "function", function);
    }
  }
}
