package herald.domain.channels.webhook;

import herald.domain.common.Invalid;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a webhook may post: https, to a public host. http, localhost and private addresses only for
 * hosts on the deployment's allowlist ({@code HERALD_WEBHOOK_ALLOWLIST}: {@code host[:port]}, comma
 * separated). Only IP literals are classified; no DNS lookup happens here (names are checked again
 * when a webhook is sent).
 */
public final class WebhookUrls {
  private WebhookUrls() {}

  /** The allowlist from its comma-separated text (null or blank: empty). */
  public static Set<String> allowlist(String commaSeparated) {
    if (commaSeparated == null) return Set.of();
    return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  /** An absolute http(s) URL with a host and no user info; refused with {@code invalid_url} otherwise. */
  public static URI parse(String url, String field) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new Invalid("invalid_url", field, field + " is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new Invalid("invalid_url", field, field + " must be an absolute https URL with a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new Invalid("invalid_url", field, field + " must not carry a user name or password");
    }
    return uri;
  }

  /** Refuses a URL Herald must not post to: {@code invalid_url}, {@code insecure_url} or {@code forbidden_host}. */
  public static void check(String url, Set<String> allowlist, String field) {
    URI uri = parse(url, field);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (allowlisted(uri, allowlist)) return;
    if (!scheme.equals("https")) {
      throw new Invalid("insecure_url", field, field + " must use https (http only for hosts on the allowlist)");
    }
    if (forbidden(host, field)) {
      throw new Invalid("forbidden_host", field, field + " must be a public host, not localhost or a private,"
          + " loopback, link-local or multicast address (unless on the allowlist)");
    }
  }

  /** Whether the URL's host, or host:port, is on the allowlist (then any address and plain http are allowed). */
  public static boolean allowlisted(URI uri, Set<String> allowlist) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return allowlist.contains(host) || allowlist.contains(host + ":" + port);
  }

  /** Whether a host is {@code localhost} or a name under {@code .localhost}, which always mean loopback. */
  public static boolean isLocalhostName(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    return name.equals("localhost") || name.endsWith(".localhost");
  }

  /**
   * The address a URL's host names without any DNS lookup: an IPv6 literal in brackets, or an IPv4 literal
   * in any form HTTP clients take (127.0.0.1, 0x7f000001, 0177.0.0.1, 2130706433); empty for a name.
   * A host that looks like a number but is no address is refused with {@code invalid_url}.
   */
  public static Optional<InetAddress> literalAddress(String host, String field) {
    String name = host.toLowerCase(Locale.ROOT);
    name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (name.startsWith("[")) return Optional.of(v6(name, field));
    if (!name.matches("[0-9a-fx.]+") || !name.matches("(.*\\.)?(0x[0-9a-f]*|[0-9]+)")) return Optional.empty();
    byte[] v4 = IpRanges.parseIpv4(name);
    if (v4 == null) throw new Invalid("invalid_url", field, field + " has a host that is neither a name nor an address");
    return Optional.of(v4(v4));
  }

  /**
   * Whether Herald may post to an address: not loopback, private (10/8, 172.16/12, 192.168/16, 100.64/10),
   * link-local, unique-local, unspecified, multicast, broadcast or reserved, nor an IPv4-mapped,
   * -compatible, NAT64 or 6to4 form of one of those.
   */
  public static boolean isPublicAddress(InetAddress address) {
    return IpRanges.isPublic(IpRanges.unmapped(address));
  }

  private static boolean forbidden(String host, String field) {
    return isLocalhostName(host) || literalAddress(host, field).map(address -> !isPublicAddress(address)).orElse(false);
  }

  private static InetAddress v6(String bracketed, String field) {
    try {
      return InetAddress.getByName(bracketed);   // a bracketed literal: parsed, never looked up
    } catch (UnknownHostException e) {
      throw new Invalid("invalid_url", field, field + " has an invalid IPv6 address");
    }
  }

  private static InetAddress v4(byte[] address) {
    try {
      return InetAddress.getByAddress(address);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
