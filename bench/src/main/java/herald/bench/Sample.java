package herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/**
 * One event's trip, POST /v1/events to the message shown SENT by the API.
 *
 * @param latencyMs from sending the POST to the first listing that shows the message SENT
 * @param postMs the POST's round trip (the 202)
 * @param toClaimMs from sending the POST to the sender claiming the message (its created_at): api, bus, trigger,
 *     send queue
 * @param sendMs from the claim to SENT (its updated_at): the sender's reads, SES, the final write
 */
record Sample(double latencyMs, double postMs, double toClaimMs, double sendMs) {
  static Sample of(Instant postedAt, double latencyMs, double postMs, JsonNode message) {
    Instant claimed = Instant.parse(message.path("created_at").asText());
    Instant sent = Instant.parse(message.path("updated_at").asText());
    return new Sample(latencyMs, postMs, ms(Duration.between(postedAt, claimed)), ms(Duration.between(claimed, sent)));
  }

  private static double ms(Duration d) {
    return d.toNanos() / 1_000_000.0;
  }
}
