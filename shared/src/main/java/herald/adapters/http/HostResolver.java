package herald.adapters.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Looks a host name up in DNS, once per webhook request: the {@link SsrfGuard} checks the answer and the request
 * goes to the address it checked. Tests answer with hostile addresses.
 */
@FunctionalInterface
public interface HostResolver {
  List<InetAddress> resolve(String host) throws UnknownHostException;

  /** The JVM's resolver. */
  static HostResolver system() {
    return host -> List.of(InetAddress.getAllByName(host));
  }
}
