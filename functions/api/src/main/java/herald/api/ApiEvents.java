package herald.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import herald.domain.common.Invalid;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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

  /** The request; a base64 body that is not UTF-8 is refused (400 {@code invalid_utf8}), never patched up. */
  static HttpRequest request(APIGatewayV2HTTPEvent event) {
    var context = event.getRequestContext();
    var http = context == null ? null : context.getHttp();
    String method = http != null && http.getMethod() != null ? http.getMethod() : "GET";
    String path = event.getRawPath() != null ? event.getRawPath() : http == null ? "/" : http.getPath();
    String body = event.getBody();
    if (body != null && event.getIsBase64Encoded()) body = utf8(body);
    HttpRequest request = new HttpRequest(method.toUpperCase(java.util.Locale.ROOT), path, event.getHeaders(),
        event.getQueryStringParameters(), body);
    return request.withServerUrl(ServerUrl.of(request, context == null ? null : context.getDomainName(),
        context == null ? null : context.getStage()));
  }

  private static String utf8(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new Invalid("invalid_utf8", "body", "the body is not valid base64");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new Invalid("invalid_utf8", "body", "the body is not valid UTF-8");
    }
  }

  /** JSON, or for unsubscribe links an HTML page, or bytes (base64: QR images, the dashboard's files), or no body. */
  static APIGatewayV2HTTPResponse response(HttpResponse response) {
    var out = APIGatewayV2HTTPResponse.builder().withStatusCode(response.status());
    if (response.bytes() != null) {
      Map<String, String> headers = new HashMap<>(response.headers());
      headers.put("x-content-type-options", "nosniff");
      return out.withHeaders(headers).withBody(Base64.getEncoder().encodeToString(response.bytes()))
          .withIsBase64Encoded(true).build();
    }
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
