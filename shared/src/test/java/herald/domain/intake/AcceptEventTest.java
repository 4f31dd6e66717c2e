package herald.domain.intake;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import herald.domain.common.Invalid;
import herald.domain.customers.Customer;
import herald.domain.customers.CustomerChanges;
import herald.domain.customers.CustomerProfile;
import herald.domain.events.TriggerEvent;
import herald.domain.fakes.InMemoryCustomers;
import herald.domain.fakes.InMemoryEventKeys;
import herald.domain.fakes.RecordingCustomerChanges;
import herald.domain.fakes.RecordingEventBus;
import herald.domain.fakes.TestClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AcceptEventTest {
  private final TestClock clock = new TestClock();
  private final InMemoryCustomers customers = new InMemoryCustomers();
  private final InMemoryEventKeys keys = new InMemoryEventKeys();
  private final RecordingEventBus bus = new RecordingEventBus();
  private final List<String> checked = new ArrayList<>();
  private final EventDataRules rules = (type, data) -> {
    checked.add(type + " " + new java.util.TreeMap<>(data));
    if (data.containsKey("refuse")) throw new Invalid("invalid_event_data", "data.refuse", "refused by the rules");
  };
  private final AcceptEvent accept = new AcceptEvent(new UpsertCustomer(customers, CustomerChanges.NONE, clock), keys,
      bus, rules, clock);

  private static IncomingEvent paid(String key) {
    return new IncomingEvent("customer.order.paid", CustomerProfile.of("src-ada"), Map.of("order_id", "o-1"), key);
  }

  @Test
  void theSameCallerKeyTwicePutsOneEventAndReturnsTheSameId() {
    AcceptEvent.Accepted first = accept.accept(paid("order-o-1"));
    AcceptEvent.Accepted second = accept.accept(paid("order-o-1"));

    assertThat(first.isNew()).isTrue();
    assertThat(second.isNew()).isFalse();
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(bus.events()).hasSize(1);
    assertThat(bus.events().getFirst().id()).isEqualTo(first.id());
  }

  @Test
  void theIdOfAKeyedEventIsTheSameOnAnotherInstance() {
    AcceptEvent elsewhere = new AcceptEvent(new UpsertCustomer(new InMemoryCustomers(), CustomerChanges.NONE,
        clock), new InMemoryEventKeys(), new RecordingEventBus(), rules, clock);

    assertThat(elsewhere.accept(paid("order-o-1")).id()).isEqualTo(accept.accept(paid("order-o-1")).id())
        .startsWith("evt_");
  }

  @Test
  void differentCallerKeysPutDifferentEvents() {
    String first = accept.accept(paid("order-o-1")).id();
    String second = accept.accept(paid("order-o-2")).id();

    assertThat(first).isNotEqualTo(second);
    assertThat(bus.events()).extracting(TriggerEvent::id).containsExactly(first, second);
  }

  @Test
  void withoutAKeyEachPostPutsANewEvent() {
    AcceptEvent.Accepted first = accept.accept(paid(null));
    AcceptEvent.Accepted second = accept.accept(paid(null));

    assertThat(first.isNew()).isTrue();
    assertThat(second.isNew()).isTrue();
    assertThat(first.id()).isNotEqualTo(second.id());
    assertThat(bus.events()).extracting(TriggerEvent::id).containsExactly(first.id(), second.id());
  }

  @Test
  void aCustomEventCarriesItsNameInDataEvent() {
    accept.accept(new IncomingEvent("signup", CustomerProfile.of("src-ada"), Map.of("plan", "pro"), null));

    TriggerEvent put = bus.events().getFirst();
    assertThat(put.type()).isEqualTo("customer.custom_event");
    assertThat(put.data()).containsExactlyInAnyOrderEntriesOf(Map.of("plan", "pro", "event", "signup"));
    assertThat(put.name()).isEqualTo("signup");
  }

  @Test
  void aCatalogueEventKeepsItsDataAsPosted() {
    accept.accept(paid(null));

    TriggerEvent put = bus.events().getFirst();
    assertThat(put.type()).isEqualTo("customer.order.paid");
    assertThat(put.data()).containsExactlyEntriesOf(Map.of("order_id", "o-1"));
    assertThat(put.createdAt()).isEqualTo(T0);
  }

  @Test
  void whenTheBusFailsTheKeyIsReleasedSoARetrySucceeds() {
    RuntimeException busDown = new RuntimeException("PutEvents failed");
    bus.failNext(busDown);

    assertThatThrownBy(() -> accept.accept(paid("order-o-1"))).isSameAs(busDown);
    assertThat(bus.events()).isEmpty();

    AcceptEvent.Accepted retry = accept.accept(paid("order-o-1"));
    assertThat(retry.isNew()).isTrue();
    assertThat(bus.events()).extracting(TriggerEvent::id).containsExactly(retry.id());
  }

  @Test
  void whenTheCustomerIsRefusedTheKeyIsReleasedAndNothingIsPut() {
    IncomingEvent badEmail = new IncomingEvent("signup",
        new CustomerProfile("src-ada", null, "not-an-email", null, null), Map.of(), "k-1");

    assertThatThrownBy(() -> accept.accept(badEmail)).isInstanceOf(Invalid.class);

    assertThat(bus.events()).isEmpty();
    assertThat(customers.size()).isZero();
    assertThat(accept.accept(new IncomingEvent("signup", CustomerProfile.of("src-ada"), Map.of(), "k-1")).isNew())
        .isTrue();
  }

  @Test
  void theCustomerIsStoredBeforeTheEventIsPutAndTheEventCarriesItsId() {
    List<Optional<Customer>> seenAtPut = new ArrayList<>();
    String expectedId = Customer.idFor("src-ada");
    bus.onPut(event -> seenAtPut.add(customers.get(expectedId)));

    accept.accept(new IncomingEvent("signup",
        new CustomerProfile("src-ada", "Ada", "ada@mail.example", null, null), Map.of(), null));

    assertThat(seenAtPut).hasSize(1);
    assertThat(seenAtPut.getFirst()).hasValueSatisfying(c -> {
      assertThat(c.sourceId()).isEqualTo("src-ada");
      assertThat(c.email()).isEqualTo("ada@mail.example");
    });
    TriggerEvent put = bus.events().getFirst();
    assertThat(put.customer().id()).isEqualTo(expectedId);
    assertThat(put.customer().sourceId()).isEqualTo("src-ada");
  }

  /**
   * Until issue 9 the upsert was evaluated here and announced before the put. Now the event itself brings the
   * customer to the segments function, which counts it and evaluates the profile saved here: the fields are
   * stored, marked as changed, before the put, and nothing is announced (it would evaluate the customer twice).
   */
  @Test
  void theCustomersFieldsAndMetadataAreSavedAndMarkedBeforeTheEventIsPutAndNothingIsAnnounced() {
    List<String> order = new ArrayList<>();
    RecordingCustomerChanges changes = new RecordingCustomerChanges();
    String id = Customer.idFor("src-ada");
    bus.onPut(event -> {
      Customer stored = customers.get(id).orElseThrow();
      order.add("put " + event.type() + " with " + stored.timezone() + " " + new java.util.TreeMap<>(stored.metadata())
          + (customers.marked(id) ? " marked" : ""));
    });
    AcceptEvent accepting = new AcceptEvent(new UpsertCustomer(customers, changes, clock), keys, bus, rules, clock);
    customers.save(new Customer(id, "src-ada", "Ada", null, null, Map.of("plan", "gold", "city", "Paris"), T0, T0));

    accepting.accept(new IncomingEvent("signup", new CustomerProfile("src-ada", null, null, null, "Europe/Warsaw",
        Map.of("plan", "platinum"), null), Map.of(), null));

    assertThat(order)
        .containsExactly("put customer.custom_event with Europe/Warsaw {city=Paris, plan=platinum} marked");
    assertThat(changes.announced()).isEmpty();
    assertThat(customers.get(id).orElseThrow().name()).isEqualTo("Ada");
  }

  @Test
  void aRepeatedKeyDoesNotTouchTheCustomerAgain() {
    accept.accept(paid("order-o-1"));

    accept.accept(new IncomingEvent("customer.order.paid",
        new CustomerProfile("src-ada", "Changed", null, null, null), Map.of(), "order-o-1"));

    assertThat(customers.saves()).isEqualTo(1);
    assertThat(customers.get(Customer.idFor("src-ada")).orElseThrow().name()).isNull();
  }

  @Test
  void postingTheCustomEventTypeItselfIsRefusedSoNoEventLosesItsName() {
    Throwable refused = catchThrowable(() -> accept.accept(new IncomingEvent("customer.custom_event",
        CustomerProfile.of("src-ada"), Map.of("event", "signup"), null)));

    assertThat(refused).isInstanceOf(Invalid.class);
    assertThat(((Invalid) refused).field()).isEqualTo("event");
    assertThat(bus.events()).isEmpty();
  }

  @Test
  void checksTheDataAgainstItsTypesRulesWithACustomEventsNameIncluded() {
    accept.accept(paid(null));
    accept.accept(new IncomingEvent("signup", CustomerProfile.of("src-ada"), Map.of("plan", "pro"), null));

    assertThat(checked).containsExactly("customer.order.paid {order_id=o-1}",
        "customer.custom_event {event=signup, plan=pro}");
  }

  @Test
  void dataTheRulesRefuseStoresNothingClaimsNoKeyAndPutsNothing() {
    IncomingEvent refused = new IncomingEvent("customer.order.paid",
        new CustomerProfile("src-ada", "Ada", null, null, null), Map.of("refuse", true), "order-o-1");

    Invalid invalid = catchThrowableOfType(Invalid.class, () -> accept.accept(refused));

    assertThat(invalid.code()).isEqualTo("invalid_event_data");
    assertThat(invalid.field()).isEqualTo("data.refuse");
    assertThat(bus.events()).isEmpty();
    assertThat(customers.size()).isZero();
    assertThat(keys.holds(herald.domain.common.Ids.derived("evt_", "order-o-1"))).isFalse();
    assertThat(accept.accept(paid("order-o-1")).isNew()).isTrue();
  }
}
