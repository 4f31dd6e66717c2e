package herald.domain.limits;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: a cap on simultaneous connections shared by every sender, such as Mailchimp's 10 per account. A pool holds
 * {@code size} slots; a caller takes one for a lease ending {@code until}, makes its calls and gives it back. A
 * slot whose lease has ended is free again, so a sender that crashed while holding one frees it when its lease ends.
 * Taking never waits: an empty answer means every slot is held right now.
 */
public interface ConnectionSlots {
  Optional<Slot> take(String pool, int size, Instant until);

  /** Frees the slot, unless its lease ended and another caller took it since. */
  void giveBack(Slot slot);

  /** One slot held: which pool, which of its slots, who holds it (unique per take) and until when. */
  record Slot(String pool, int index, String holder, Instant until) {}
}
