package herald.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads API Gateway's payload 2.0 into a plain request. */
final class ApiEvents {
  private ApiEvents() {}

  static HttpRequest request(APIGatewayV2HTTPEvent event) {
    var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
    String method = http != null && http.getMethod() != null ? http.getMethod() : "GET";
    String path = event.getRawPath() != null ? event.getRawPath() : http == null ? "/" : http.getPath();
    String body = event.getBody();
    if (body != null && event.getIsBase64Encoded()) {
      body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
    return new HttpRequest(method.toUpperCase(java.util.Locale.ROOT), path, event.getHeaders(),
        event.getQueryStringParameters(), body);
  }
}
