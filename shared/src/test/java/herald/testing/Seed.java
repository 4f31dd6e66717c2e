package herald.testing;

import herald.adapters.dynamodb.DynamoDbBrandSettings;
import herald.adapters.dynamodb.DynamoDbCustomers;
import herald.adapters.dynamodb.DynamoDbDistributions;
import herald.domain.brand.Brand;
import herald.domain.channels.Channel;
import herald.domain.channels.email.EmailChannel;
import herald.domain.customers.Customer;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Trigger;
import herald.platform.Env;
import herald.testing.TestChannels;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Puts the data the sample events in events/ refer to into a fresh environment's tables. */
public final class Seed {
  public static final String DISTRIBUTION_ID = "dist_welcome";
  public static final String SOURCE_ID = "ada-1";
  public static final String EMAIL = "ada@example.com";

  private final Env env;

  public Seed(Env env) {
    this.env = env;
  }

  public Seed brand() {
    new DynamoDbBrandSettings(StandIns.dynamo(env), env.get("SETTINGS_TABLE"))
        .save(new Brand("Acme Shop", "hello@acme.test", "1 Market Street, Springfield"));
    return this;
  }

  public Seed customer(String email) {
    return customer(email, Map.of());
  }

  public Seed customer(String email, Map<String, Object> metadata) {
    Instant now = Instant.now();
    new DynamoDbCustomers(StandIns.dynamo(env), env.get("CUSTOMERS_TABLE")).save(new Customer(
        Customer.idFor(SOURCE_ID), SOURCE_ID, "Ada <Lovelace>", email, null, metadata, now, now));
    return this;
  }

  public Seed distribution(DistributionStatus status) {
    return distribution(status, new EmailChannel("Hi {{customer.name}}", "<p>Welcome {{customer.name}}</p>",
        "Welcome {{customer.name}}, plan {{event.data.plan}}"));
  }

  /** The welcome distribution with these channels, stored as they are (no save-time checks). */
  public Seed distribution(DistributionStatus status, Channel... channels) {
    Instant now = Instant.now();
    new DynamoDbDistributions(StandIns.dynamo(env), env.get("DISTRIBUTIONS_TABLE"),
        TestChannels.kinds()).create(new Distribution(
        DISTRIBUTION_ID, "Welcome", null, status, new Trigger("customer.custom_event", Map.of("event", "signed_up")),
        Audience.eventCustomer(), Action.of(ActionType.PLAIN_MESSAGE), List.of(channels), 1, now, now));
    return this;
  }
}
