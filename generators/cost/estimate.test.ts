/**
 * The estimate against figures computed by hand (in the comments) from the price table, for the
 * four blueprints at the default load: 1,000,000 requests a month of 1 KB, 1 GB stored, 100 ms runs.
 */
import { describe, expect, it } from 'vitest';
import { blueprintById } from '../../blueprints';
import { diagram } from '../graph/build';
import { DEFAULT_LOAD, estimateCost, type CostEstimate } from './estimate';

const estimate = (id: string) => estimateCost(blueprintById(id)!.graph, DEFAULT_LOAD);
const byName = (e: CostEstimate) => Object.fromEntries(e.lines.map((l) => [l.name, l.usd]));
/** Money to the hundredth of a cent. */
const close = (actual: Record<string, number>, expected: Record<string, number>) => {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [name, usd] of Object.entries(expected)) expect(actual[name], name).toBeCloseTo(usd, 4);
};

describe('monthly cost estimate of the blueprints', () => {
  it('GIVEN the image-processing blueprint THEN uploads, function, thumbnails and table cost what the price table says', () => {
    const e = estimate('image-processing');
    close(byName(e), {
      Uploads: 0.023 + 1_000 * 0.005 + 1_000 * 0.0004, // 1 GB stored, 1M PUTs (uploads), 1M GETs (the function reads each)
      Thumbnailer: 0.2 + 1_000_000 * 0.1 * 1 * 0.0000166667, // 1M invocations, 100,000 GB-s at 1024 MiB
      Thumbnails: 0.023 + 1_000 * 0.005, // 1M PUTs
      ImageMetadata: 0.25 + 0.625, // 1 GB, 1M write units
    });
    expect(e.totalUsd).toBeCloseTo(13.18767, 4);
  });

  it('GIVEN the website blueprint THEN page views are GETs and each calls the API once', () => {
    close(byName(estimate('website')), {
      Site: 0.023 + 1_000 * 0.0004,
      Api: 1.0,
      Hello: 0.2 + 1_000_000 * 0.1 * 0.25 * 0.0000166667,
    });
    expect(estimate('website').totalUsd).toBeCloseTo(2.0396675, 4);
  });

  it('GIVEN the banking blueprint THEN the workflow is priced per transition and its two branches share the executions', () => {
    close(byName(estimate('banking')), {
      DepositApi: 1.0,
      DepositWorkflow: (4_000_000 / 1000) * 0.025, // validate, choice, create or reject, succeed
      ValidateDeposit: 0.2 + 25_000 * 0.0000166667,
      CreateDeposit: 0.1 + 12_500 * 0.0000166667,
      RejectDeposit: 0.1 + 12_500 * 0.0000166667,
      Deposits: 0.25 + 0.625 + 0.4, // storage, 1M write units, 1M pipe requests
      DepositEvents: 1.0, // 1M custom events from the pipe
      CustomerNotifications: 0.4, // 1M sends, nothing consumes it
      DepositAlerts: 0.5, // 1M publishes
    });
    expect(estimate('banking').totalUsd).toBeCloseTo(105.408335, 4);
  });

  it('GIVEN the streaming blueprint THEN the stream pays for its shard, the consumer per batch and Firehose per GB', () => {
    const e = estimate('streaming');
    close(byName(e), {
      EventsApi: 1.0,
      SocialEvents: 730 * 0.015 + 0.014, // one shard all month, 1M PUT payload units
      Analyzer: (10_000 / 1_000_000) * 0.2 + 10_000 * 0.1 * 0.25 * 0.0000166667, // batches of 100
      Results: 0.25 + 0.625,
      Archiver: ((1_000_000 * 5) / 1024 / 1024) * 0.029, // records metered in 5 KB
      RawArchive: 0.023 + (43_800 / 1000) * 0.005, // one object a minute
    });
    expect(e.totalUsd).toBeCloseTo(13.225449451, 4);
  });
});

describe('the estimate follows the load', () => {
  it('GIVEN ten times the requests THEN request-priced lines grow tenfold and storage does not', () => {
    const graph = diagram({ nodes: { Jobs: 'sqs', Worker: 'lambda' }, edges: [['Jobs', 'Worker', { batchSize: 10 }]] });
    const once = estimateCost(graph, DEFAULT_LOAD);
    const tenfold = estimateCost(graph, { ...DEFAULT_LOAD, requestsPerMonth: 10_000_000 });
    // 1M sends + 2 x 100k batches (receive, delete) = 1.2M requests at $0.40 per million.
    expect(byName(once).Jobs).toBeCloseTo(0.48, 6);
    expect(byName(tenfold).Jobs).toBeCloseTo(4.8, 6);
    expect(byName(tenfold).Worker).toBeCloseTo(byName(once).Worker * 10, 6);
  });

  it('GIVEN a 100 KB payload THEN SQS meters it as two 64 KB requests', () => {
    const graph = diagram({ nodes: { Jobs: 'sqs' } });
    expect(byName(estimateCost(graph, { ...DEFAULT_LOAD, averagePayloadKB: 100 })).Jobs).toBeCloseTo(2 * 0.4, 6);
  });

  it('THEN the estimate states its region, its price date and its assumptions', () => {
    const e = estimate('website');
    expect(e.region).toBe('us-east-1');
    expect(e.asOf).toMatch(/^\d{4}-\d{2}$/);
    expect(e.assumptions.join(' ')).toMatch(/No free tier/);
  });
});
