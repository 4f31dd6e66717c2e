package herald.standins;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free TCP ports on the loopback interface. A port is free when asked for, and bound by whoever asked a moment
 * later; in between, the kernel may offer it again. So a port is handed out once per JVM: the stand-ins and the
 * runtime's own endpoints, picked at the same time, never get the same one.
 */
public final class Ports {
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private Ports() {}

  public static int free() {
    for (int attempt = 0; attempt < 100; attempt++) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
        if (HANDED_OUT.add(socket.getLocalPort())) return socket.getLocalPort();
      } catch (IOException e) {
        throw new IllegalStateException("no free port", e);
      }
    }
    throw new IllegalStateException("no free port that was not handed out already");
  }
}
