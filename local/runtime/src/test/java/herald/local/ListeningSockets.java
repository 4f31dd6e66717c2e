package herald.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets in LISTEN state that a process and its descendants hold, from Linux's /proc: the socket inodes
 * of each process's open files (/proc/PID/fd), looked up in /proc/net/tcp and /proc/net/tcp6.
 */
final class ListeningSockets {
  private static final String LISTEN = "0A";

  private ListeningSockets() {}

  /** One listening socket: its address and the process that holds it. */
  record Listener(InetSocketAddress address, long pid, String command) {
    boolean loopback() {
      return address.getAddress().isLoopbackAddress();
    }

    @Override
    public String toString() {
      return address.getAddress().getHostAddress() + ":" + address.getPort() + " (pid " + pid + ", " + command + ")";
    }
  }

  static List<Listener> of(ProcessHandle root) {
    List<ProcessHandle> processes = new ArrayList<>();
    processes.add(root);
    root.descendants().forEach(processes::add);
    List<Listener> listeners = new ArrayList<>();
    List<String[]> table = listening();
    for (ProcessHandle process : processes) {
      Set<String> inodes = socketInodes(process.pid());
      String command = process.info().command().orElse("?");
      for (String[] row : table) {
        if (inodes.contains(row[9])) listeners.add(new Listener(address(row[1]), process.pid(), command));
      }
    }
    return listeners;
  }

  /** The rows of /proc/net/tcp and tcp6 in LISTEN state, split on blanks (1: local address, 3: state, 9: inode). */
  private static List<String[]> listening() {
    List<String[]> rows = new ArrayList<>();
    for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        List<String> lines = Files.readAllLines(Path.of(file));
        for (String line : lines.subList(1, lines.size())) {
          String[] row = line.trim().split("\\s+");
          if (row[3].equals(LISTEN)) rows.add(row);
        }
      } catch (NoSuchFileException noIpv6) {
        // a kernel without IPv6
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return rows;
  }

  private static Set<String> socketInodes(long pid) {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) inodes.add(target.substring(8, target.length() - 1));
        } catch (IOException closedMeanwhile) {
          // the descriptor was closed between listing and reading
        }
      }
    } catch (IOException gone) {
      // the process ended meanwhile
    }
    return inodes;
  }

  /**
   * "0100007F:1F90" (IPv4) or 32 hex digits and a port (IPv6): the address is in the kernel's byte order, each
   * 32-bit word little-endian on x86 and ARM.
   */
  static InetSocketAddress address(String hex) {
    int colon = hex.indexOf(':');
    byte[] raw = HexFormat.of().parseHex(hex.substring(0, colon));
    byte[] bytes = new byte[raw.length];
    for (int word = 0; word < raw.length; word += 4) {
      for (int i = 0; i < 4; i++) bytes[word + i] = raw[word + 3 - i];
    }
    try {
      return new InetSocketAddress(InetAddress.getByAddress(bytes), Integer.parseInt(hex.substring(colon + 1), 16));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(hex, e);
    }
  }
}
