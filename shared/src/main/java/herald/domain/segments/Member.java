package herald.domain.segments;

import java.time.Instant;

/** A segment member as the fan-out and the members list read it. */
public record Member(String customerId, long seq, Instant enteredAt) {}
