package herald.adapters.json;

import static herald.domain.fakes.Refusals.assertRefused;
import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.delivery.SendJob;
import herald.domain.events.TriggerEvent;
import herald.domain.fanout.FanoutJob;
import herald.domain.manual.ManualStart;
import herald.platform.Json;
import org.junit.jupiter.api.Test;

class EventJsonTest {
  private static final String DETAIL = "{\"id\":\"e1\",\"created_at\":\"2025-03-01T10:00:00Z\","
      + "\"customer\":{\"source_id\":\"ada\"},\"data\":{}}";

  @Test
  void aBusEventOfTypeManualIsRefused() {
    assertRefused(() -> EventJson.fromEventBridge(Json.parse("{\"detail-type\":\"manual\",\"detail\":" + DETAIL + "}")),
        "unknown_event_type", "type");
    assertRefused(() -> EventJson.fromEventBridge(Json.parse("{\"detail-type\":\"signup\",\"detail\":" + DETAIL + "}")),
        "unknown_event_type", "type");
    assertThat(EventJson.fromEventBridge(Json.parse("{\"detail-type\":\"customer.order.paid\",\"detail\":" + DETAIL
        + "}")).customer().sourceId()).isEqualTo("ada");
  }

  @Test
  void aManualSendsEventTravelsOnTheFanoutAndSendQueues() {
    TriggerEvent start = TriggerEvent.manual("sch_1", T0);
    FanoutJob fanout = FanoutJobJson.read(FanoutJobJson.write(FanoutJob.forEvent("dist_1", "seg_1", 3, start)));
    assertThat(fanout.event()).isEqualTo(start);
    SendJob job = SendJobJson.read(SendJobJson.write(new SendJob("dist_1", "email", "cust_1", start.to("cust_1"))));
    assertThat(job.event()).isEqualTo(start.to("cust_1"));
    assertThat(job.event().manual()).isTrue();
  }

  @Test
  void aManualStartRoundTripsAndAnythingElseIsRefused() {
    ManualStart start = new ManualStart("dist_1", "sch_1");
    assertThat(ManualStartJson.read(ManualStartJson.write(start))).isEqualTo(start);
    assertRefused(() -> ManualStartJson.read("{\"distribution_id\":\"dist_1\"}"), "invalid_job", "body");
  }
}
