package herald.domain.channels.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Which IP addresses are public; parses IPv4 literals the lenient way HTTP clients do (127.1, 0x7f.0.0.1, 2130706433). */
final class IpRanges {
  private IpRanges() {}

  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) return isPublicV4(b);
    if (address instanceof Inet6Address v6) {
      if ((b[0] & 0xfe) == 0xfc) return false;                             // fc00::/7 unique local
      if (v6.isIPv4CompatibleAddress()) return isPublic(embedded(b, 12));   // ::a.b.c.d
      if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
        return isPublic(embedded(b, 12));                                   // 64:ff9b::/96 NAT64
      }
      if (b[0] == 0x20 && b[1] == 0x02) return isPublic(embedded(b, 2));    // 2002::/16 6to4
      if (b[0] == 0x01 && b[1] == 0x00 && allZero(b, 2, 8)) return false;   // 100::/64 discard
    }
    return true;
  }

  /** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d), else the address itself. */
  static InetAddress unmapped(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length == 16 && allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return embedded(b, 12);
    }
    return address;
  }

  private static boolean isPublicV4(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return !(first == 0 || first == 10 || first == 127 || first >= 224
        || first == 100 && second >= 64 && second <= 127
        || first == 169 && second == 254
        || first == 172 && second >= 16 && second <= 31
        || first == 192 && second == 168
        || first == 192 && second == 0 && (b[2] & 0xff) == 0
        || first == 198 && (second == 18 || second == 19));
  }

  /** An IPv4 literal in any form inet_aton takes (1-4 parts, decimal, octal or hex), or null. */
  static byte[] parseIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length < 1 || parts.length > 4) return null;
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = number(parts[i]);
      if (values[i] < 0) return null;
    }
    long last = values[parts.length - 1];
    int lastBytes = 5 - parts.length;
    if (last >= 1L << (8 * lastBytes)) return null;
    long address = last;
    for (int i = 0; i < parts.length - 1; i++) {
      if (values[i] > 255) return null;
      address |= values[i] << (8 * (3 - i));
    }
    return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
  }

  private static long number(String part) {
    try {
      if (part.isEmpty() || part.length() > 12) return -1;
      if (part.startsWith("0x")) return part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
      if (part.length() > 1 && part.startsWith("0")) return Long.parseLong(part.substring(1), 8);
      return Long.parseLong(part);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static InetAddress embedded(byte[] b, int from) {
    try {
      return InetAddress.getByAddress(new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) if (b[i] != 0) return false;
    return true;
  }
}
