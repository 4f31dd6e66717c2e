package herald.domain.segments;

import herald.domain.common.Conflict;
import herald.domain.common.Ids;
import herald.domain.common.Invalid;
import herald.domain.common.NotFound;
import herald.domain.common.Page;
import herald.domain.common.Parallel;
import herald.domain.customers.Customer;
import herald.domain.customers.Customers;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Creates, reads, edits and deletes segments, and adds and removes the members of static ones: an explicit
 * change of membership ({@link SettleMembership}, one event per transition), never an evaluation of rules. Edits
 * are checked against the stored version (a lost race is a 409). A new auto-update segment, and one whose rules
 * changed, is re-evaluated for every customer in the background ({@link SegmentEvaluations}); the async
 * action's id is kept on the segment. A deleted segment's membership is removed in the background too
 * ({@link SegmentPurges}): the delete answers at once, its members' items go within minutes.
 */
public final class ManageSegments {
  private final Segments segments;
  private final Memberships memberships;
  private final SettleMembership settle;
  private final Customers customers;
  private final SegmentUsers users;
  private final SegmentEvaluations evaluations;
  private final SegmentPurges purges;
  private final SegmentShards shards;
  private final Clock clock;

  @Inject
  public ManageSegments(Segments segments, Memberships memberships, SettleMembership settle, Customers customers,
      SegmentUsers users, SegmentEvaluations evaluations, SegmentPurges purges, SegmentShards shards, Clock clock) {
    this.segments = segments;
    this.memberships = memberships;
    this.settle = settle;
    this.customers = customers;
    this.users = users;
    this.evaluations = evaluations;
    this.purges = purges;
    this.shards = shards;
    this.clock = clock;
  }

  /** Checks every first member exists before creating anything. The new segment has the configured shards. */
  public CountedSegment create(SegmentDraft draft) {
    List<Customer> members = customers(draft.customerIds(), "customer_ids");
    Segment segment = Segment.create(Ids.random("seg_"), draft.name(), draft.type(), draft.rule(), shards,
        clock.instant());
    if (!segments.create(segment)) throw new IllegalStateException("segment id " + segment.id() + " exists");
    Parallel.map(members, customer -> enter(segment, customer));
    Segment created = segment.autoUpdate() ? startEvaluation(segment) : segment;
    return new CountedSegment(created, memberships.count(created));
  }

  public Segment get(String id) {
    return segments.get(id).orElseThrow(() -> new NotFound("segment", "id", id));
  }

  public CountedSegment counted(String id) {
    Segment segment = get(id);
    return new CountedSegment(segment, memberships.count(segment));
  }

  public Page<Segment> list(String cursor, int limit) {
    return segments.list(cursor, limit);
  }

  /** Renames and/or changes the rules of a segment still at {@code expectedVersion}; new rules re-evaluate. */
  public CountedSegment update(String id, SegmentEdit edit, long expectedVersion) {
    Segment current = get(id);
    if (edit.type() != null && edit.type() != current.type()) {
      throw new Invalid("immutable_field", "type", "a segment's type cannot change; create a new segment");
    }
    if (edit.rule() != null && !current.autoUpdate()) {
      throw new Invalid("invalid_value", "rules", "a static segment has no rules; its members are added to it");
    }
    if (current.version() != expectedVersion) throw versionConflict(id);
    String name = edit.name() != null ? edit.name() : current.name();
    boolean newRule = edit.rule() != null && !edit.rule().equals(current.rule());
    if (name.equals(current.name()) && !newRule) return new CountedSegment(current, memberships.count(current));
    Segment edited = current.edit(name, newRule ? edit.rule() : current.rule(), clock.instant());
    if (!segments.replace(edited, expectedVersion)) throw versionConflict(id);
    if (newRule) edited = startEvaluation(edited);
    return new CountedSegment(edited, memberships.count(edited));
  }

  /**
   * Deletes a segment no distribution uses (as its audience or in its trigger), if given at {@code
   * expectedVersion} (null: any). Its membership (members and former members, every shard) is then removed in
   * the background ({@link SegmentPurges}); until it is, its items are left unread: a segment id is never reused.
   */
  public void delete(String id, Long expectedVersion) {
    Segment current = get(id);
    if (expectedVersion != null && current.version() != expectedVersion) throw versionConflict(id);
    String user = users.userOf(id).orElse(null);
    if (user != null) {
      throw new Conflict("segment_in_use", "segment " + id + " is used by distribution " + user
          + "; change or delete the distribution first");
    }
    if (!segments.delete(id)) throw new NotFound("segment", "id", id);
    purges.start(current);
  }

  /** Adds existing customers to a static segment; all or nothing when one of them does not exist. */
  public MembersAdded addMembers(String id, List<String> customerIds) {
    Segment segment = staticSegment(id);
    if (customerIds.isEmpty()) throw Invalid.required("customer_ids");
    List<Customer> members = customers(SegmentDraft.customerIds(customerIds, "customer_ids"), "customer_ids");
    long added = Parallel.map(members, customer -> enter(segment, customer)).stream()
        .filter(Optional::isPresent).count();
    return new MembersAdded((int) added, members.size() - (int) added);
  }

  /**
   * Adds the customer to a static segment; empty when they were in it. A customer erased meanwhile leaves again:
   * the segments function may have taken them out of every segment before this added them.
   */
  private Optional<Transition> enter(Segment segment, Customer customer) {
    Optional<Transition> entered = settle.set(segment, customer.id(), customer.sourceId(), true);
    if (entered.isPresent() && customers.get(customer.id()).isEmpty()) {
      settle.set(segment, customer.id(), customer.sourceId(), false);
    }
    return entered;
  }

  /** Removes a customer from a static segment; NotFound when they are not in it. */
  public void removeMember(String id, String customerId) {
    Segment segment = staticSegment(id);
    Customer customer = customers.get(customerId).orElseThrow(() -> notAMember(id, customerId));
    if (settle.set(segment, customer.id(), customer.sourceId(), false).isEmpty()) throw notAMember(id, customerId);
  }

  /** A page of the segment's members, shard after shard. */
  public Page<Member> members(String id, String cursor, int limit) {
    return MemberPages.page(memberships, get(id), cursor, limit);
  }

  private Segment staticSegment(String id) {
    Segment segment = get(id);
    if (segment.autoUpdate()) {
      throw new Invalid("static_only", "customer_ids",
          "the members of an auto-update segment follow its rules; they cannot be added or removed");
    }
    return segment;
  }

  /** The customers, distinct, in order; Invalid naming the first id that is no customer. */
  private List<Customer> customers(List<String> ids, String field) {
    List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
    List<Optional<Customer>> found = Parallel.map(distinct, customers::get);
    for (int i = 0; i < distinct.size(); i++) {
      if (found.get(i).isEmpty()) {
        throw new Invalid("unknown_customer", field + "[" + ids.indexOf(distinct.get(i)) + "]",
            "customer " + distinct.get(i) + " does not exist");
      }
    }
    return found.stream().map(Optional::get).toList();
  }

  /** Starts the background re-evaluation and records its action on the segment, unless edited meanwhile. */
  private Segment startEvaluation(Segment segment) {
    Segment evaluated = segment.evaluatedBy(evaluations.start(segment));
    return segments.replace(evaluated, segment.version()) ? evaluated : get(segment.id());
  }

  private static NotFound notAMember(String segmentId, String customerId) {
    return new NotFound("member of segment " + segmentId, "customer_id", customerId);
  }

  private static Conflict versionConflict(String id) {
    return new Conflict("version_conflict", "segment " + id + " was changed by another call; read it again");
  }
}
