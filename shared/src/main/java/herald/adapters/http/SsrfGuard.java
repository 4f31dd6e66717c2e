package herald.adapters.http;

import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.webhook.WebhookUrls;
import herald.domain.common.Invalid;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The send-time check of a webhook URL, after DNS: refuses ({@code forbidden_host}) a host that is localhost,
 * a non-public IP literal (any IPv4 spelling) or a name of which ANY address is not public, and answers the address
 * to connect to: the very one it checked, so that nothing looks the name up again (DNS rebinding). A host on the
 * allowlist ({@code host} or {@code host:port}) is resolved but not checked. Nothing is connected to here; the
 * only network use is the resolver's one lookup of a name. (https-only is enforced when the URL is saved:
 * {@link WebhookUrls#check}.)
 */
public final class SsrfGuard {
  private static final String FIELD = "url";
  private final HostResolver resolver;
  private final Set<String> allowlist;

  /** Where to post: the URL (its host for the Host header and TLS) and the checked address to connect to. */
  public record Target(URI uri, InetAddress address) {}

  public SsrfGuard(HostResolver resolver, Set<String> allowlist) {
    this.resolver = resolver;
    this.allowlist = Set.copyOf(allowlist);
  }

  /** The target to post to, once it is safe; throws {@link DeliveryFailure} otherwise. */
  public Target check(String url) {
    try {
      URI uri = WebhookUrls.parse(url, FIELD);
      String host = uri.getHost();
      boolean allowlisted = WebhookUrls.allowlisted(uri, allowlist);
      if (!allowlisted && WebhookUrls.isLocalhostName(host)) throw forbidden();
      Optional<InetAddress> literal = WebhookUrls.literalAddress(host, FIELD);
      List<InetAddress> addresses = literal.isPresent() ? List.of(literal.get()) : resolve(host);
      if (!allowlisted) {
        for (InetAddress address : addresses) {
          if (!WebhookUrls.isPublicAddress(address)) throw forbidden();
        }
      }
      return new Target(uri, addresses.get(0));
    } catch (Invalid invalid) {
      throw DeliveryFailure.permanent(invalid.code(), invalid);
    }
  }

  private List<InetAddress> resolve(String host) {
    List<InetAddress> addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw DeliveryFailure.transientFailure("dns_failed", e);
    }
    if (addresses == null || addresses.isEmpty()) throw DeliveryFailure.transientFailure("dns_failed", null);
    return addresses;
  }

  private static DeliveryFailure forbidden() {
    return DeliveryFailure.permanent("forbidden_host", null);
  }
}
