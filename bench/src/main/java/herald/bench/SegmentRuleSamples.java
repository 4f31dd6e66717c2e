package herald.bench;

import herald.adapters.json.SegmentRuleJson;
import herald.domain.customers.Behaviour;
import herald.domain.customers.Behaviour.EventStats;
import herald.domain.customers.Consent;
import herald.domain.customers.Customer;
import herald.domain.segments.SegmentRule;
import herald.platform.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * 50 auto-update segment rules of the kinds a shop writes (plan and country lists, big spenders, recent
 * activity, lapsed buyers, newcomers, nested or groups), read from JSON as the API reads them, and a pool of
 * varied customers with metadata (some of it text from CSV imports) and behaviour. Fixed seeds: every run
 * evaluates the same rules against the same customers at the same {@link #NOW}.
 */
final class SegmentRuleSamples {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final String[] PLANS = {"free", "bronze", "silver", "gold", "platinum"};
  static final String[] COUNTRIES = {"PT", "GB", "DE", "FR", "US", "ES", "IT", "NL", "BR", "JP"};
  static final String[] EVENTS = {"signed_up", "page.viewed", "customer.order.paid", "cart.abandoned",
      "newsletter.opened", "newsletter.clicked", "app.opened", "review.written", "support.ticket", "wishlist.added",
      "customer.order.refunded", "trial.started"};
  static final String[] TAGS = {"vip", "beta", "wholesale", "newsletter", "student", "staff"};
  static final String[] DOMAINS = {"gmail.com", "mail.example", "proton.me", "outlook.com", "acme.example"};

  private SegmentRuleSamples() {}

  /** The 50 rules: ten templates, five variants each. */
  static List<SegmentRule> rules() {
    List<SegmentRule> rules = new ArrayList<>();
    for (int v = 0; v < 5; v++) {
      for (String json : templates(v)) rules.add(SegmentRuleJson.parse(Json.parse(json.replace('\'', '"')), "rules"));
    }
    return rules;
  }

  private static List<String> templates(int v) {
    String plan = PLANS[v];
    String country = COUNTRIES[v];
    String event = EVENTS[v + 3];
    return List.of(
        "{'field':'metadata.plan','operator':'equals','value':'" + plan + "'}",
        "{'field':'metadata.country','operator':'in','value':['" + country + "','" + COUNTRIES[v + 5] + "','"
            + COUNTRIES[(v + 2) % 10] + "']}",
        "{'and':[{'field':'metadata.country','operator':'equals','value':'" + country + "'},"
            + "{'field':'orders.total_amount','operator':'greater_than','value':" + (20_000 + v * 15_000) + "}]}",
        "{'field':'events." + event + ".last_at','operator':'after','value':{'days_ago':" + (7 + v * 7) + "}}",
        "{'and':[{'field':'metadata.plan','operator':'in','value':['gold','platinum']},"
            + "{'or':[{'field':'orders.total_amount','operator':'greater_than','value':" + (10_000 * (v + 1)) + "},"
            + "{'field':'events.signed_up.last_at','operator':'after','value':{'days_ago':" + (30 + v * 10) + "}}]}]}",
        "{'and':[{'field':'orders.count','operator':'greater_than','value':" + v + "},"
            + "{'field':'orders.last_order_at','operator':'before','value':{'days_ago':" + (60 + v * 15) + "}},"
            + "{'field':'consents.email','operator':'equals','value':true}]}",
        "{'and':[{'field':'orders.count','operator':'less_than','value':1},"
            + "{'field':'created_at','operator':'after','value':{'days_ago':" + (14 + v * 7) + "}}]}",
        "{'and':[{'field':'metadata.age','operator':'greater_than','value':" + (20 + v * 8) + "},"
            + "{'field':'metadata.age','operator':'less_than','value':" + (35 + v * 8) + "},"
            + "{'field':'metadata.tags','operator':'contains','value':'" + TAGS[v] + "'}]}",
        "{'or':[{'and':[{'field':'events.cart.abandoned.count','operator':'greater_than','value':" + v + "},"
            + "{'field':'events.customer.order.paid.last_at','operator':'before','value':{'days_ago':" + (10 + v)
            + "}}]},{'and':[{'field':'metadata.address.city','operator':'starts_with','value':'"
            + "LPBMN".charAt(v) + "'},{'field':'events.newsletter.clicked.count','operator':'greater_than','value':"
            + (v + 1) + "}]}]}",
        "{'or':[{'field':'email','operator':'contains','value':'@" + List.of("gmail", "mail", "example", "proton",
            "outlook").get(v) + ".'},{'field':'metadata.vip','operator':'equals','value':true},"
            + "{'field':'events.review.written.count','operator':'greater_than','value':" + (2 + v) + "}]}");
  }

  /** {@code n} customers with 4 to 8 metadata keys, 2 to 9 kinds of event, consents and orders. */
  static Customer[] customers(int n) {
    Random random = new Random(20260301);
    String[] cities = {"Lisbon", "Porto", "London", "Paris", "Berlin", "Madrid", "Munich", "Bristol", "Nantes"};
    Customer[] customers = new Customer[n];
    for (int i = 0; i < n; i++) {
      Map<String, Object> metadata = new HashMap<>();
      metadata.put("plan", PLANS[random.nextInt(PLANS.length)]);
      metadata.put("country", COUNTRIES[random.nextInt(COUNTRIES.length)]);
      metadata.put("age", Integer.toString(18 + random.nextInt(60)));   // CSV imports give text
      metadata.put("tags", List.of(TAGS[random.nextInt(TAGS.length)], TAGS[random.nextInt(TAGS.length)]));
      if (random.nextBoolean()) metadata.put("address", Map.of("city", cities[random.nextInt(cities.length)]));
      if (random.nextInt(4) == 0) metadata.put("vip", random.nextBoolean() ? "TRUE" : "FALSE");
      if (random.nextBoolean()) metadata.put("language", random.nextBoolean() ? "en" : "pt");
      if (random.nextBoolean()) metadata.put("referrer", "campaign-" + random.nextInt(40));
      Map<String, EventStats> events = new HashMap<>();
      for (int e = 0, kinds = 2 + random.nextInt(8); e < kinds; e++) {
        events.put(EVENTS[random.nextInt(EVENTS.length)],
            new EventStats(1 + random.nextInt(30), daysAgo(random, 120)));
      }
      int orders = random.nextInt(4) == 0 ? 0 : random.nextInt(20);
      Map<String, Consent> consents = random.nextInt(3) == 0 ? Map.of()
          : Map.of(Consent.EMAIL, new Consent(random.nextInt(5) > 0, daysAgo(random, 300)));
      Instant created = daysAgo(random, 400);
      String domain = DOMAINS[random.nextInt(DOMAINS.length)];
      customers[i] = new Customer(Customer.idFor("c-" + i), "c-" + i, "Customer " + i, "c" + i + "@" + domain,
          null, "Europe/Lisbon", metadata, consents, new Behaviour(events, orders,
          orders * (500L + random.nextInt(9_000)), orders == 0 ? null : daysAgo(random, 200)), created,
          created.plusSeconds(random.nextInt(86_400)), 3);
    }
    return customers;
  }

  private static Instant daysAgo(Random random, int days) {
    return NOW.minusSeconds(random.nextInt(days * 86_400));
  }
}
