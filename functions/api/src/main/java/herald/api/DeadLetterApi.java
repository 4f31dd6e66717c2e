package herald.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.adapters.json.DeadLetterJson;
import herald.domain.common.Page;
import herald.domain.deadletters.DeadLetter;
import herald.domain.deadletters.DeadLetterQueue;
import herald.domain.deadletters.DeadLetters;
import herald.domain.deadletters.RedriveDeadLetters;
import herald.domain.distributions.ManageDistributions;
import herald.platform.Json;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What the dead-letter queues held: a distribution's dead letters (its fan-out shards that failed, with their segment
 * and shard), every queue's, and the redrive of those whose job may run again, one or all of a distribution's.
 */
final class DeadLetterApi implements Routes {
  private final DeadLetters deadLetters;
  private final RedriveDeadLetters redrive;
  private final ManageDistributions distributions;

  @Inject
  DeadLetterApi(DeadLetters deadLetters, RedriveDeadLetters redrive, ManageDistributions distributions) {
    this.deadLetters = deadLetters;
    this.redrive = redrive;
    this.distributions = distributions;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("GET", "/v1/dead-letters", (req, p) -> page(deadLetters.ofQueue(
            DeadLetterQueue.of(required(req.query().get("queue")), "queue"), req.query().get("cursor"),
            Bodies.limit(req, 100, 20)))),
        Route.of("POST", "/v1/dead-letters/{id}/redrive",
            (req, p) -> HttpResponse.ok(DeadLetterJson.write(redrive.one(p.get(0))))),
        Route.of("GET", "/v1/distributions/{id}/dead-letters", (req, p) -> page(deadLetters.ofDistribution(
            distributions.get(p.get(0)).id(), req.query().get("cursor"), Bodies.limit(req, 100, 20)))),
        Route.of("POST", "/v1/distributions/{id}/dead-letters/redrive", (req, p) -> {
          ObjectNode body = Json.object();
          ArrayNode data = body.putArray("data");
          redrive.ofDistribution(distributions.get(p.get(0)).id()).forEach(d -> data.add(DeadLetterJson.write(d)));
          return HttpResponse.ok(body);
        }));
  }

  private static String required(String queue) {
    if (queue == null) throw herald.domain.common.Invalid.required("queue");
    return queue;
  }

  private static HttpResponse page(Page<DeadLetter> page) {
    ObjectNode body = Json.object();
    ArrayNode data = body.putArray("data");
    page.items().forEach(d -> data.add(DeadLetterJson.write(d)));
    body.put("next_cursor", page.next());
    return HttpResponse.ok(body);
  }
}
