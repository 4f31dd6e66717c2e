package herald.api;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The URL a request came in on, for the OpenAPI document's {@code servers}: the forwarded host and scheme when a
 * proxy says them, else API Gateway's domain name (or the Host header), with the stage as a path unless it is
 * {@code $default}. Null when nothing trustworthy-looking is there; the document then names the relative "/".
 */
final class ServerUrl {
  private static final Pattern HOST = Pattern.compile("([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*|\\[[0-9A-Fa-f:.]+])(:\\d{1,5})?");
  private static final Pattern STAGE = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  private ServerUrl() {}

  static String of(HttpRequest request, String domainName, String stage) {
    String host = first(request.header("x-forwarded-host"));
    if (host == null) host = domainName != null && !domainName.isBlank() ? domainName : first(request.header("host"));
    if (host == null || !HOST.matcher(host).matches()) return null;
    String scheme = first(request.header("x-forwarded-proto"));
    if (scheme == null) scheme = local(host) ? "http" : "https";
    scheme = scheme.toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) return null;
    String prefix = stage == null || stage.equals("$default") || !STAGE.matcher(stage).matches() ? "" : "/" + stage;
    return scheme + "://" + host + prefix;
  }

  /** The local runtime and other direct calls to this machine: plain HTTP. */
  private static boolean local(String host) {
    String name = host.replaceFirst(":\\d+$", "");
    return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]");
  }

  private static String first(String header) {
    if (header == null) return null;
    String value = header.split(",", 2)[0].strip();
    return value.isEmpty() ? null : value;
  }
}
