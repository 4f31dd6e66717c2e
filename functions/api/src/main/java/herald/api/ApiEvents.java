package herald.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** API Gateway's payload 2.0: read into a plain request, and the response written back. */
final class ApiEvents {
  /** HTML pages run no script and post forms only to the API itself; the signed link is not sent as a referrer. */
  static final String PAGE_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
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

  /** JSON, or for unsubscribe links an HTML page, or no body. */
  static APIGatewayV2HTTPResponse response(HttpResponse response) {
    var out = APIGatewayV2HTTPResponse.builder().withStatusCode(response.status());
    if (response.html() != null) {
      return out.withHeaders(Map.of("content-type", "text/html; charset=utf-8", "cache-control", "no-store",
          "content-security-policy", PAGE_POLICY, "referrer-policy", "no-referrer",
          "x-content-type-options", "nosniff")).withBody(response.html()).build();
    }
    if (response.body() == null) return out.build();
    Map<String, String> headers = new HashMap<>(response.headers());
    headers.put("content-type", "application/json");
    return out.withHeaders(headers).withBody(response.body().toString()).build();
  }
}
