package herald.domain.segments;

import herald.domain.common.Invalid;
import herald.domain.common.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages through a segment's members shard after shard: members of shard 0 in customer id order, then shard
 * 1, and so on. The cursor is {@code <shard>.<the shard's own cursor>} (the shard's cursor empty at its start).
 */
final class MemberPages {
  private MemberPages() {}

  static Page<Member> page(Memberships memberships, Segment segment, String cursor, int limit) {
    int shard = 0;
    String inner = null;
    if (cursor != null) {
      int dot = cursor.indexOf('.');
      try {
        shard = Integer.parseInt(cursor.substring(0, dot));
      } catch (RuntimeException e) {
        throw invalid();
      }
      if (shard < 0 || shard >= segment.shards()) throw invalid();
      inner = cursor.substring(dot + 1).isEmpty() ? null : cursor.substring(dot + 1);
    }
    List<Member> members = new ArrayList<>();
    while (shard < segment.shards()) {
      Page<Member> page = memberships.members(segment.id(), shard, inner, limit - members.size());
      members.addAll(page.items());
      inner = page.next();
      if (inner == null) shard++;
      if (members.size() == limit) {
        return new Page<>(members, shard < segment.shards() ? shard + "." + (inner == null ? "" : inner) : null);
      }
    }
    return new Page<>(members, null);
  }

  private static Invalid invalid() {
    return new Invalid("invalid_cursor", "cursor", "cursor is not one this API returned");
  }
}
