package herald.domain.fakes;

import herald.domain.common.Page;
import herald.domain.segments.Member;
import herald.domain.segments.Membership;
import herald.domain.segments.Memberships;
import herald.domain.segments.Segment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Standings per segment shard, by customer id: change succeeds only from the standing expected; announced
 * clears pending only at the same seq; members pages a shard's members in customer id order (the cursor is
 * the last customer id returned); purge deletes a shard's first standings, members or not.
 * {@link #crashAfterNextChange} makes the next change write and then fail, as a function killed between the
 * write and putting the event; {@link #beforeNextChange} lets a test change the standing just before a change
 * checks it.
 */
public final class InMemoryMemberships implements Memberships {
  private final Map<String, TreeMap<String, Membership>> shards = new HashMap<>();
  private RuntimeException crash;
  private Runnable beforeNextChange;
  private int changes;

  @Override public synchronized Map<String, Membership> of(String customerId, Collection<Segment> segments) {
    Map<String, Membership> found = new HashMap<>();
    for (Segment s : segments) found.put(s.id(), shard(s.id(), s.shardOf(customerId)).getOrDefault(customerId,
        Membership.NEVER));
    return found;
  }

  @Override public boolean change(Segment segment, String customerId, Membership expected, boolean member,
      Instant at) {
    Runnable hook;
    synchronized (this) {
      hook = beforeNextChange;
      beforeNextChange = null;
    }
    if (hook != null) hook.run();
    return write(segment, customerId, expected, member, at);
  }

  private synchronized boolean write(Segment segment, String customerId, Membership expected, boolean member,
      Instant at) {
    var shard = shard(segment.id(), segment.shardOf(customerId));
    if (shard.getOrDefault(customerId, Membership.NEVER).seq() != expected.seq()) return false;
    shard.put(customerId, new Membership(member, expected.seq() + 1, true, at));
    changes++;
    RuntimeException failure = crash;
    crash = null;
    if (failure != null) throw failure;
    return true;
  }

  @Override public synchronized void announced(Segment segment, String customerId, long seq) {
    var shard = shard(segment.id(), segment.shardOf(customerId));
    Membership m = shard.get(customerId);
    if (m != null && m.seq() == seq) shard.put(customerId, new Membership(m.member(), m.seq(), false, m.changedAt()));
  }

  @Override public synchronized Page<Member> members(String segmentId, int shard, String cursor, int limit) {
    List<Member> page = new ArrayList<>();
    var rest = cursor == null ? shard(segmentId, shard) : shard(segmentId, shard).tailMap(cursor, false);
    for (var e : rest.entrySet()) {
      if (!e.getValue().member()) continue;
      if (page.size() == limit) return new Page<>(page, page.getLast().customerId());
      page.add(new Member(e.getKey(), e.getValue().seq(), e.getValue().changedAt()));
    }
    return new Page<>(page, null);
  }

  @Override public synchronized long count(Segment segment) {
    long count = 0;
    for (int shard = 0; shard < segment.shards(); shard++) {
      count += shard(segment.id(), shard).values().stream().filter(Membership::member).count();
    }
    return count;
  }

  @Override public synchronized int purge(String segmentId, int shard, int limit) {
    var standings = shard(segmentId, shard);
    int deleted = 0;
    while (deleted < limit && !standings.isEmpty()) {
      standings.pollFirstEntry();
      deleted++;
    }
    return deleted;
  }

  /** How many standings, members or not, the shard holds. */
  public synchronized int stored(String segmentId, int shard) {
    return shard(segmentId, shard).size();
  }

  /** The next change is written, then throws this (the caller never learns it was written). */
  public synchronized void crashAfterNextChange(RuntimeException failure) {
    this.crash = failure;
  }

  /** Runs once, just before the next change checks the standing: another evaluation changing it meanwhile. */
  public synchronized void beforeNextChange(Runnable concurrentChange) {
    this.beforeNextChange = concurrentChange;
  }

  /** How many changes were written. */
  public synchronized int changes() {
    return changes;
  }

  /** The standing as stored, without going through {@link #of}. */
  public synchronized Membership standing(Segment segment, String customerId) {
    return shard(segment.id(), segment.shardOf(customerId)).getOrDefault(customerId, Membership.NEVER);
  }

  private TreeMap<String, Membership> shard(String segmentId, int shard) {
    return shards.computeIfAbsent(segmentId + "#" + shard, k -> new TreeMap<>());
  }
}
