package herald.platform;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import herald.adapters.dynamodb.DynamoDbCampaigns;
import herald.adapters.dynamodb.DynamoDbCodes;
import herald.adapters.dynamodb.DynamoDbPublications;
import herald.adapters.json.CodeCsv;
import herald.domain.campaigns.CampaignUsers;
import herald.domain.campaigns.Campaigns;
import herald.domain.campaigns.Codes;
import herald.domain.campaigns.GenerateCodes;
import herald.domain.campaigns.ImportCodes;
import herald.domain.campaigns.Publications;
import herald.domain.campaigns.PurgeCampaign;
import herald.domain.distributions.CampaignUsage;
import herald.domain.jobs.JobWork;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The campaigns and their code counts (CAMPAIGNS_TABLE), their codes (CODES_TABLE), their publications
 * (PUBLICATIONS_TABLE) and the work of generating and
 * importing them (jobs-queue jobs, so JobsModule too); what uses a campaign is asked of the distributions.
 */
@Module(includes = {AwsModule.class, JobsModule.class})
public abstract class CampaignsModule {
  private CampaignsModule() {}

  @Provides @Singleton static Campaigns campaigns(DynamoDbClient dynamo, Env env) {
    return new DynamoDbCampaigns(dynamo, env.get("CAMPAIGNS_TABLE"));
  }

  @Provides @Singleton static Codes codes(DynamoDbClient dynamo, Env env) {
    return new DynamoDbCodes(dynamo, env.get("CODES_TABLE"));
  }

  @Provides @Singleton static Publications publications(DynamoDbClient dynamo, Env env) {
    return new DynamoDbPublications(dynamo, env.get("PUBLICATIONS_TABLE"));
  }

  @Binds @IntoSet abstract JobWork codeGeneration(GenerateCodes work);

  @Binds @IntoSet abstract JobWork codeImports(ImportCodes work);

  @Binds @IntoSet abstract JobWork campaignPurges(PurgeCampaign work);

  @Provides static ImportCodes.CodeReader codeReader() {
    return CodeCsv::code;
  }

  @Binds abstract CampaignUsers campaignUsers(CampaignUsage usage);
}
