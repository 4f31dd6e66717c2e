package herald.platform;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import herald.adapters.dynamodb.DynamoDbCampaigns;
import herald.domain.campaigns.CampaignUsers;
import herald.domain.campaigns.Campaigns;
import herald.domain.distributions.CampaignUsage;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The campaigns and their code counts (CAMPAIGNS_TABLE); what uses a campaign is asked of the distributions. */
@Module(includes = AwsModule.class)
public abstract class CampaignsModule {
  private CampaignsModule() {}

  @Provides @Singleton static Campaigns campaigns(DynamoDbClient dynamo, Env env) {
    return new DynamoDbCampaigns(dynamo, env.get("CAMPAIGNS_TABLE"));
  }

  @Binds abstract CampaignUsers campaignUsers(CampaignUsage usage);
}
