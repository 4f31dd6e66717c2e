package herald.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import herald.domain.common.Invalid;
import herald.platform.Env;
import herald.platform.Startup;

/** The HTTP API: API Gateway's payload 2.0 in, a JSON response (or, for unsubscribe links, an HTML page) out. */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final Router router;

  public ApiHandler() { this(Env.system()); }
  public ApiHandler(Env env) { this(Startup.component("api", env, DaggerApiComponent.factory()::create).router()); }
  ApiHandler(Router router) { this.router = router; }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    HttpResponse response;
    try {
      response = router.handle(ApiEvents.request(event));
    } catch (Invalid e) {
      response = Router.refused(e);
    }
    return ApiEvents.response(response);
  }
}
