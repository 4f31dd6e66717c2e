package herald.domain.limits;

/** Of a number of messages, how many the plan would let through now and how many would be SKIPPED quota_exceeded. */
public record Forecast(long send, long skip) {}
