package herald.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import herald.platform.Env;
import herald.platform.Priming;
import java.util.Map;

/** The HTTP API: API Gateway's payload 2.0 in, a JSON response (or, for unsubscribe links, an HTML page) out. */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final Router router;

  public ApiHandler() {
    this(Env.system());
  }

  public ApiHandler(Env env) {
    this(DaggerApiComponent.factory().create(env));
  }

  private ApiHandler(ApiComponent component) {
    this(component.router());
    Priming.register("api", component::prime);
  }

  ApiHandler(Router router) {
    this.router = router;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    HttpResponse response = router.handle(ApiEvents.request(event));
    if (response.html() != null) {
      return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status())
          .withHeaders(Map.of("content-type", "text/html; charset=utf-8", "cache-control", "no-store"))
          .withBody(response.html()).build();
    }
    if (response.body() == null) return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status()).build();
    Map<String, String> headers = new java.util.HashMap<>(response.headers());
    headers.put("content-type", "application/json");
    return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status()).withHeaders(headers)
        .withBody(response.body().toString()).build();
  }
}
