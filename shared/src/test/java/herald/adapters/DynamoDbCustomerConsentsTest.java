package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.dynamodb.DynamoDbCustomers;
import herald.domain.customers.Consent;
import herald.domain.customers.Customer;
import herald.platform.Env;
import herald.testing.StandIns;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamoDbCustomerConsentsTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void consentsAreStoredAndReadBackWithTheirTimes() {
    Env env = StandIns.get().freshEnv();
    DynamoDbCustomers customers = new DynamoDbCustomers(StandIns.dynamo(env), env.get("CUSTOMERS_TABLE"));
    Map<String, Consent> consents = Map.of("email", new Consent(false, T0), "sms", new Consent(true, T0.plusSeconds(9)));
    customers.save(new Customer("cust_1", "src-1", "Ada", "ada@mail.example", null, Map.of("plan", "gold"), T0, T0,
        consents));
    customers.save(new Customer("cust_2", "src-2", null, null, null, null, T0, T0));

    Customer ada = customers.get("cust_1").orElseThrow();
    assertThat(ada.consents()).isEqualTo(consents);
    assertThat(ada.allows("email")).isFalse();
    assertThat(ada.metadata()).containsEntry("plan", "gold");
    assertThat(customers.get("cust_2").orElseThrow().consents()).isEmpty();
  }
}
