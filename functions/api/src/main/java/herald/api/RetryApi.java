package herald.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.delivery.RetryMessages;
import herald.domain.distributions.ManageDistributions;
import herald.platform.Json;
import jakarta.inject.Inject;
import java.util.List;

/** Retries of FAILED messages: one message, or one page of a distribution's FAILED messages at a time. */
final class RetryApi implements Routes {
  private final RetryMessages retry;
  private final ManageDistributions manage;

  @Inject
  RetryApi(RetryMessages retry, ManageDistributions manage) {
    this.retry = retry;
    this.manage = manage;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v1/messages/{id}/retry", this::message),
        Route.of("POST", "/v1/distributions/{id}/retry", this::distribution));
  }

  /** 202 and the message, QUEUED: a new attempt is on the send queue. */
  private HttpResponse message(HttpRequest request, List<String> params) {
    return new HttpResponse(202, MessageApi.json(retry.retry(params.get(0))));
  }

  /** 202 and how many of one page of its messages were re-queued; call again with next_cursor until it is null. */
  private HttpResponse distribution(HttpRequest request, List<String> params) {
    String id = manage.get(params.get(0)).id();
    RetryMessages.Retried done = retry.retryFailed(id, request.query().get("cursor"));
    ObjectNode body = Json.object();
    body.put("distribution_id", id);
    body.put("retried", done.retried());
    body.put("skipped", done.skipped());
    body.put("next_cursor", done.next());
    return new HttpResponse(202, body);
  }
}
