package herald.domain.campaigns;

/**
 * What a campaign records of the jobs that make its codes: {@code actionId}, the async action that last started
 * making them; the campaign's {@link CodeSequence}: its {@code key} (16 bytes, Base64; null in a record older than
 * sequences), {@code nextIndex}, the first index no generation has taken, and {@code config}, the code
 * configuration the indexes were taken under; and {@code mixed}, whether the campaign may hold codes the sequence
 * did not make (imported, generated before it or under another configuration), in which case every generation
 * reads which of its codes exist before it writes them.
 */
public record CodesJob(String actionId, String key, long nextIndex, String config, boolean mixed) {}
