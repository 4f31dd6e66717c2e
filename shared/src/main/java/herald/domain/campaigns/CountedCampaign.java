package herald.domain.campaigns;

/** A campaign with its codes counted. */
public record CountedCampaign(Campaign campaign, CodeCounts codes) {}
