/**
 * The offline price table: on-demand list prices of the AWS US East (N. Virginia) region, in US
 * dollars, as AWS's public pricing pages gave them in January 2025 (DynamoDB on demand after its
 * November 2024 price cut), without free tiers. Stored here so an
 * estimate needs no network; prices change, so the estimate says which table it used.
 */
export const PRICE_TABLE = {
  region: 'us-east-1',
  asOf: '2025-01',
  currency: 'USD',
  source: 'aws.amazon.com/<service>/pricing, on-demand list prices, no free tier',
  prices: {
    /** HTTP APIs, first 300 million requests a month; each 512 KB of a request is metered as one. */
    apiHttpPerMillionRequests: 1.0,
    apiRequestChunkKB: 512,
    lambdaPerMillionRequests: 0.2,
    /** x86. */
    lambdaPerGbSecond: 0.0000166667,
    s3StoragePerGbMonth: 0.023,
    s3PutPer1000: 0.005,
    s3GetPer1000: 0.0004,
    /** On-demand capacity (prices since November 2024). */
    dynamodbPerMillionWriteUnits: 0.625,
    dynamodbPerMillionReadUnits: 0.125,
    dynamodbStoragePerGbMonth: 0.25,
    dynamodbWriteUnitKB: 1,
    dynamodbReadUnitKB: 4,
    kinesisShardHour: 0.015,
    kinesisPerMillionPutUnits: 0.014,
    kinesisPutUnitKB: 25,
    kinesisOnDemandStreamHour: 0.04,
    kinesisOnDemandPerGbIn: 0.08,
    kinesisOnDemandPerGbOut: 0.04,
    firehosePerGbIngested: 0.029,
    firehoseRecordChunkKB: 5,
    eventbridgePerMillionCustomEvents: 1.0,
    eventbridgeEventChunkKB: 64,
    pipesPerMillionRequests: 0.4,
    snsPerMillionPublishes: 0.5,
    snsPer100kEmails: 2.0,
    snsChunkKB: 64,
    sqsStandardPerMillionRequests: 0.4,
    sqsFifoPerMillionRequests: 0.5,
    sqsChunkKB: 64,
    stepFunctionsStandardPer1000Transitions: 0.025,
    stepFunctionsExpressPerMillionRequests: 1.0,
    stepFunctionsExpressPerGbSecond: 0.00001667,
  },
} as const;

export type Prices = (typeof PRICE_TABLE)['prices'];

/** 730 hours: AWS's own convention for a month. */
export const HOURS_PER_MONTH = 730;
