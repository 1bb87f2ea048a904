/**
 * What the offline prices are: on-demand list prices of the AWS US East (N. Virginia) region, in
 * US dollars, as AWS's public pricing pages gave them in January 2025 (DynamoDB on demand after its
 * November 2024 price cut), without free tiers. Each service module keeps its own prices beside
 * its cost hook; prices change, so every estimate says which table it used.
 */
export const PRICE_TABLE = {
  region: 'us-east-1',
  asOf: '2025-01',
  currency: 'USD',
  source: 'aws.amazon.com/<service>/pricing, on-demand list prices, no free tier',
} as const;

/** 730 hours: AWS's own convention for a month. */
export const HOURS_PER_MONTH = 730;
