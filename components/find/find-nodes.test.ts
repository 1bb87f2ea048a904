import { describe, expect, it } from 'vitest';
import { diagram } from '@/generators/graph/build';
import { findNodes } from './find-nodes';

describe('finding a service', () => {
  const graph = diagram({ name: 'shop', nodes: { OrdersTable: 'dynamodb', CreateOrder: 'lambda', Orders: 'sqs', Notify: 'sns' } });
  const names = (query: string) => findNodes(graph.nodes, query).map((n) => n.name);

  it('GIVEN a query THEN the exact name comes first, then names that start with it, then names that contain it', () => {
    expect(names('orders')).toEqual(['Orders', 'OrdersTable']);
    expect(names('ORDER')).toEqual(['OrdersTable', 'Orders', 'CreateOrder']);
  });

  it('GIVEN the name of a service kind THEN the nodes of that kind are found', () => {
    expect(names('sns')).toEqual(['Notify']);
  });

  it('GIVEN an imported node THEN its logical id finds it even after it was renamed', () => {
    const renamed = { ...graph.nodes[3], name: 'Alerts', origin: { logicalIds: ['AlarmTopic1'], props: {}, bound: [] } };
    expect(findNodes([renamed], 'alarmtopic').map((n) => n.name)).toEqual(['Alerts']);
  });

  it('GIVEN no match THEN nothing is found; GIVEN an empty query THEN everything, in diagram order', () => {
    expect(names('zzz')).toEqual([]);
    expect(names(' ')).toEqual(graph.nodes.map((n) => n.name));
  });
});
