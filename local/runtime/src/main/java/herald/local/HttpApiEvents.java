package herald.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.sun.net.httpserver.HttpExchange;
import herald.sam.Intrinsics;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Builds the payload format 2.0 event API Gateway's HTTP API gives a function. */
final class HttpApiEvents {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

  private HttpApiEvents() {}

  /** @param bytes the request body, already read */
  static APIGatewayV2HTTPEvent event(HttpExchange exchange, byte[] bytes, String routeKey,
      Map<String, String> pathParameters) {
    String rawQuery = exchange.getRequestURI().getRawQuery();
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    exchange.getRequestHeaders().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("cookie")) {
        values.forEach(v -> cookies.addAll(List.of(v.split(";\\s*"))));
      } else {
        headers.put(lower, String.join(",", values));
      }
    });
    String text = bytes.length == 0 ? null : utf8(bytes);
    boolean binary = bytes.length > 0 && text == null;
    String body = binary ? Base64.getEncoder().encodeToString(bytes) : text;
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
        .withMethod(exchange.getRequestMethod())
        .withPath(exchange.getRequestURI().getRawPath())
        .withProtocol(exchange.getProtocol())
        .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
        .withUserAgent(headers.get("user-agent"))
        .build();
    var context = APIGatewayV2HTTPEvent.RequestContext.builder()
        .withAccountId(Intrinsics.ACCOUNT)
        .withApiId("local")
        .withDomainName(headers.getOrDefault("host", "127.0.0.1"))
        .withDomainPrefix("local")
        .withHttp(http)
        .withRequestId(UUID.randomUUID().toString())
        .withRouteKey(routeKey)
        .withStage("$default")
        .withTime(TIME.format(now))
        .withTimeEpoch(now.toInstant().toEpochMilli())
        .build();
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(routeKey)
        .withRawPath(exchange.getRequestURI().getRawPath())
        .withRawQueryString(rawQuery == null ? "" : rawQuery)
        .withCookies(cookies.isEmpty() ? null : cookies)
        .withHeaders(headers)
        .withQueryStringParameters(query(rawQuery))
        .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
        .withRequestContext(context)
        .withBody(body)
        .withIsBase64Encoded(binary)
        .build();
  }

  /**
   * The body as text when it is UTF-8, else null: then it is passed base64-encoded, as API Gateway passes a
   * binary body, so the function sees the exact bytes (and can refuse them) rather than replacement characters.
   */
  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Decoded query parameters; repeated ones joined with commas, as API Gateway does. Null when none. */
  private static Map<String, String> query(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) return null;
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
      parameters.merge(key, value, (a, b) -> a + "," + b);
    }
    return parameters;
  }
}
