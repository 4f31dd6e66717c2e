package herald.domain.channels.webhook;

import herald.domain.common.Invalid;
import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv6.IPv6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a webhook may post: https, to a public host, on a port from 1 to 65535. http, localhost and non-public
 * addresses only for hosts on the deployment's allowlist ({@code HERALD_WEBHOOK_ALLOWLIST}: {@code host[:port]},
 * comma separated). Only IP literals are classified ({@link SpecialAddresses}); no DNS lookup happens here (names
 * are checked again when a webhook is sent, and the request goes to the very address checked).
 */
public final class WebhookUrls {
  /** IPv4 literals in every form inet_aton and browsers take: 127.1, 0x7f.1, 0177.0.0.1, 2130706433. */
  private static final IPAddressStringParameters V4_LITERALS = new IPAddressStringParameters.Builder()
      .allowEmpty(false).setEmptyAsLoopback(false).allowPrefix(false).allowMask(false).allowSingleSegment(true)
      .allowIPv6(false).getIPv4AddressParametersBuilder().allow_inet_aton(true).allow_inet_aton_hex(true)
      .allow_inet_aton_octal(true).allow_inet_aton_joined_segments(true).allow_inet_aton_leading_zeros(true)
      .getParentBuilder().toParams();
  private static final IPAddressStringParameters V6_LITERALS = new IPAddressStringParameters.Builder()
      .allowEmpty(false).setEmptyAsLoopback(false).allowPrefix(false).allowMask(false).allowIPv4(false)
      .toParams();

  private WebhookUrls() {}

  /** The allowlist from its comma-separated text (null or blank: empty). */
  public static Set<String> allowlist(String commaSeparated) {
    if (commaSeparated == null) return Set.of();
    return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * An absolute http(s) URL with an ASCII host (an IDN in its xn-- form), no user info and a port from 1 to 65535;
   * refused with {@code invalid_url} otherwise.
   */
  public static URI parse(String url, String field) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new Invalid("invalid_url", field, field + " is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new Invalid("invalid_url", field, field + " must be an absolute https URL with a host (an"
          + " internationalised name in its xn-- form)");
    }
    if (uri.getRawUserInfo() != null) {
      throw new Invalid("invalid_url", field, field + " must not carry a user name or password");
    }
    if (uri.getPort() == 0 || uri.getPort() > 65535 || uri.getPort() < -1) {
      throw new Invalid("invalid_url", field, field + " must have a port from 1 to 65535");
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
    if (isLocalhostName(host) || literalAddress(host, field).map(a -> !isPublicAddress(a)).orElse(false)) {
      throw new Invalid("forbidden_host", field, field + " must be a public host, not localhost nor a loopback,"
          + " private, link-local, documentation, multicast or other special-purpose address (unless on the"
          + " allowlist)");
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
   * A host that ends in a number but is no address, or an IPv6 literal with a zone id, is refused with
   * {@code invalid_url}.
   */
  public static Optional<InetAddress> literalAddress(String host, String field) {
    String name = host.toLowerCase(Locale.ROOT);
    name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (name.startsWith("[") && name.endsWith("]")) {
      IPAddress v6 = parsed(name.substring(1, name.length() - 1), V6_LITERALS, field);
      if (v6 == null || v6.isIPv6() && ((IPv6Address) v6).hasZone() || name.contains("%")) {
        throw new Invalid("invalid_url", field, field + " has an invalid IPv6 address (zone ids are not allowed)");
      }
      return Optional.of(v6.toInetAddress());
    }
    if (!name.matches("[0-9a-fx.]+") || !name.matches("(.*\\.)?(0x[0-9a-f]*|[0-9]+)")) return Optional.empty();
    IPAddress v4 = parsed(name, V4_LITERALS, field);
    if (v4 == null) throw new Invalid("invalid_url", field, field + " has a host that is neither a name nor an address");
    return Optional.of(v4.toInetAddress());
  }

  /**
   * Whether Herald may post to an address: in none of the special-purpose blocks ({@link SpecialAddresses}:
   * loopback, private, shared, link-local, documentation, benchmarking, multicast, reserved, unique- and site-local,
   * Teredo, 6to4, ORCHID...), nor an IPv4-mapped, -compatible, -translated or NAT64 form of one of those.
   */
  public static boolean isPublicAddress(InetAddress address) {
    IPAddress ip = address.getAddress().length == 4 ? new inet.ipaddr.ipv4.IPv4Address(address.getAddress())
        : new IPv6Address(address.getAddress());
    return SpecialAddresses.isPublic(ip);
  }

  private static IPAddress parsed(String text, IPAddressStringParameters params, String field) {
    try {
      return new IPAddressString(text, params).toAddress();
    } catch (AddressStringException | RuntimeException e) {
      return null;
    }
  }
}
