package herald.standins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PortsTest {
  @Test
  void handsOutEachPortOnceEvenWhenAskedForManyAtOnce() {
    List<Integer> ports = IntStream.range(0, 400).parallel().mapToObj(i -> Ports.free()).toList();

    assertThat(ports).doesNotHaveDuplicates().allSatisfy(port -> assertThat(port).isBetween(1, 65535));
  }
}
