package herald.domain.channels.webhook;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv6.IPv6Address;
import java.util.List;

/**
 * The addresses Herald never posts to, in one place: every block of IANA's IPv4 and IPv6 Special-Purpose Address
 * Registries (whatever their "globally reachable" column says), multicast, the reserved 240/4, and IPv6 outside
 * global unicast 2000::/3. An IPv6 address that embeds an IPv4 one (IPv4-mapped, -compatible, -translated, the
 * well-known NAT64 prefix) is judged by the IPv4 address it embeds.
 */
final class SpecialAddresses {
  /** A block, with the RFC that reserves it. */
  record Block(IPAddress range, String rfc, String name) {}

  static final List<Block> IPV4 = List.of(
      block("0.0.0.0/8", "RFC 791", "this network"),
      block("10.0.0.0/8", "RFC 1918", "private use"),
      block("100.64.0.0/10", "RFC 6598", "shared address space (carrier-grade NAT)"),
      block("127.0.0.0/8", "RFC 1122", "loopback"),
      block("169.254.0.0/16", "RFC 3927", "link local (cloud metadata endpoints)"),
      block("172.16.0.0/12", "RFC 1918", "private use"),
      block("192.0.0.0/24", "RFC 6890", "IETF protocol assignments (DS-Lite, PCP, TURN, NAT64 discovery)"),
      block("192.0.2.0/24", "RFC 5737", "documentation (TEST-NET-1)"),
      block("192.31.196.0/24", "RFC 7535", "AS112-v4"),
      block("192.52.193.0/24", "RFC 7450", "AMT"),
      block("192.88.99.0/24", "RFC 7526", "deprecated 6to4 relay anycast"),
      block("192.168.0.0/16", "RFC 1918", "private use"),
      block("192.175.48.0/24", "RFC 7534", "direct delegation AS112 service"),
      block("198.18.0.0/15", "RFC 2544", "benchmarking"),
      block("198.51.100.0/24", "RFC 5737", "documentation (TEST-NET-2)"),
      block("203.0.113.0/24", "RFC 5737", "documentation (TEST-NET-3)"),
      block("224.0.0.0/4", "RFC 5771", "multicast"),
      block("240.0.0.0/4", "RFC 1112", "reserved"),
      block("255.255.255.255/32", "RFC 919", "limited broadcast"));

  /** IPv6 blocks that embed an IPv4 address in their last 32 bits: that address decides. */
  static final List<Block> IPV6_EMBEDDING_IPV4 = List.of(
      block("::ffff:0:0/96", "RFC 4291", "IPv4-mapped"),
      block("::/96", "RFC 4291", "IPv4-compatible (deprecated)"),
      block("::ffff:0:0:0/96", "RFC 2765", "IPv4-translated (SIIT)"),
      block("64:ff9b::/96", "RFC 6052", "NAT64 well-known prefix"));

  static final Block GLOBAL_UNICAST = block("2000::/3", "RFC 4291", "global unicast; anything outside is not public");

  static final List<Block> IPV6 = List.of(
      block("::1/128", "RFC 4291", "loopback"),
      block("::/128", "RFC 4291", "unspecified"),
      block("64:ff9b:1::/48", "RFC 8215", "NAT64 local use"),
      block("100::/64", "RFC 6666", "discard only"),
      block("100:0:0:1::/64", "RFC 9780", "dummy IPv6 prefix"),
      block("2001::/23", "RFC 2928", "IETF protocol assignments"),
      block("2001::/32", "RFC 4380", "Teredo"),
      block("2001:1::1/128", "RFC 7723", "port control protocol anycast"),
      block("2001:1::2/128", "RFC 8155", "TURN anycast"),
      block("2001:1::3/128", "RFC 9665", "DNS-SD service registration protocol anycast"),
      block("2001:2::/48", "RFC 5180", "benchmarking"),
      block("2001:3::/32", "RFC 7450", "AMT"),
      block("2001:4:112::/48", "RFC 7535", "AS112-v6"),
      block("2001:10::/28", "RFC 4843", "ORCHID (deprecated)"),
      block("2001:20::/28", "RFC 7343", "ORCHIDv2"),
      block("2001:30::/28", "RFC 9374", "drone remote ID (DET)"),
      block("2001:db8::/32", "RFC 3849", "documentation"),
      block("2002::/16", "RFC 3056", "6to4"),
      block("2620:4f:8000::/48", "RFC 7534", "direct delegation AS112 service"),
      block("3fff::/20", "RFC 9637", "documentation"),
      block("5f00::/16", "RFC 9602", "segment routing (SRv6) SIDs"),
      block("fc00::/7", "RFC 4193", "unique local"),
      block("fe80::/10", "RFC 4291", "link local"),
      block("fec0::/10", "RFC 3879", "site local (deprecated)"),
      block("ff00::/8", "RFC 4291", "multicast"));

  private SpecialAddresses() {}

  /** Whether Herald may post to the address: in no block above (for an IPv6 one embedding IPv4: that IPv4 one). */
  static boolean isPublic(IPAddress address) {
    if (address.isIPv4()) return IPV4.stream().noneMatch(b -> b.range().contains(address));
    IPv6Address v6 = address.toIPv6().removeZone();
    if (v6.isLoopback() || v6.isUnspecified()) return false;
    if (IPV6_EMBEDDING_IPV4.stream().anyMatch(b -> b.range().contains(v6))) return isPublic(v6.getEmbeddedIPv4Address());
    return GLOBAL_UNICAST.range().contains(v6) && IPV6.stream().noneMatch(b -> b.range().contains(v6));
  }

  private static Block block(String cidr, String rfc, String name) {
    return new Block(new IPAddressString(cidr).getAddress().toPrefixBlock(), rfc, name);
  }
}
