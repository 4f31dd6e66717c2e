package herald.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An HTTP API route ("GET /v1/health", "ANY /{proxy+}", "$default") and the function behind it. */
record HttpApiRoute(String method, String path, LambdaFunction function, Pattern pattern, List<String> parameters) {

  /** Exact routes first, then ones with path parameters, then greedy {x+} ones, then $default; ANY last. */
  static final Comparator<HttpApiRoute> PRECEDENCE = Comparator.comparingInt(HttpApiRoute::rank)
      .thenComparing(Comparator.comparingInt((HttpApiRoute r) -> r.path().length()).reversed())
      .thenComparing(r -> r.method().equals("ANY"));

  static HttpApiRoute of(String method, String path, LambdaFunction function) {
    if (path.equals("$default")) return new HttpApiRoute("ANY", path, function, Pattern.compile(".*"), List.of());
    List<String> parameters = new ArrayList<>();
    StringBuilder regex = new StringBuilder();
    for (String segment : path.split("/")) {
      if (segment.isEmpty()) continue;
      regex.append('/');
      if (segment.startsWith("{") && segment.endsWith("+}")) {
        parameters.add(segment.substring(1, segment.length() - 2));
        regex.append("(.+)");
      } else if (segment.startsWith("{") && segment.endsWith("}")) {
        parameters.add(segment.substring(1, segment.length() - 1));
        regex.append("([^/]+)");
      } else {
        regex.append(Pattern.quote(segment));
      }
    }
    if (regex.isEmpty()) regex.append('/');
    return new HttpApiRoute(method.toUpperCase(), path, function, Pattern.compile(regex.toString()), parameters);
  }

  String routeKey() {
    return path.equals("$default") ? "$default" : method + " " + path;
  }

  /** The path parameters when this route takes the request, or null. */
  Map<String, String> match(String requestMethod, String requestPath) {
    if (!method.equals("ANY") && !method.equalsIgnoreCase(requestMethod)) return null;
    Matcher m = pattern.matcher(requestPath);
    if (!m.matches()) return null;
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < parameters.size(); i++) {
      values.put(parameters.get(i), URLDecoder.decode(m.group(i + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    return values;
  }

  private int rank() {
    if (path.equals("$default")) return 3;
    if (path.contains("+}")) return 2;
    return parameters.isEmpty() ? 0 : 1;
  }
}
