package herald.domain.segments;

/** What adding customers to a static segment did: how many entered, how many were in it already. */
public record MembersAdded(int added, int alreadyMembers) {}
