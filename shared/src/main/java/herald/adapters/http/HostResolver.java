package herald.adapters.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Looks a host name up in DNS; tests answer with hostile addresses. */
@FunctionalInterface
public interface HostResolver {
  List<InetAddress> resolve(String host) throws UnknownHostException;

  /**
   * The JVM's resolver. Its answers are cached (networkaddress.cache.ttl, 30 s by default), so the HTTP client
   * connecting right after the guard gets the very addresses the guard checked.
   */
  static HostResolver system() {
    return host -> List.of(InetAddress.getAllByName(host));
  }
}
