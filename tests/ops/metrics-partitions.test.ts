import { describe, expect, test } from 'vitest';
import { createMetrics } from '../../src/ops/metrics.js';
import type { PartitionSnapshot } from '../../src/schedule/partition-owner.js';

describe('partition metrics', () => {
  test('GIVEN no partition owner (the JSON file) THEN no partition gauge has a value, and the change counters start at 0', async () => {
    const text = await createMetrics({ processMetrics: false }).render();
    expect(text).not.toMatch(/^bot_partitions_owned \d/m);
    expect(text).toMatch(/^bot_partition_changes_total\{change="lost"\} 0$/m);
  });

  test('GIVEN an owner WHEN scraped THEN the gauges show its snapshot at that moment and changes are counted', async () => {
    const metrics = createMetrics({ processMetrics: false });
    let snapshot: PartitionSnapshot = {
      owned: [1, 2, 3],
      share: 30,
      members: 2,
      guilds: 41,
      failedBeats: 0,
    };
    metrics.watchPartitions(() => snapshot);
    metrics.recordPartitionChange('taken', 30);
    metrics.recordPartitionChange('released', 30);
    let text = await metrics.render();
    expect(text).toMatch(/^bot_partitions_owned 3$/m);
    expect(text).toMatch(/^bot_partition_share 30$/m);
    expect(text).toMatch(/^bot_partition_members_live 2$/m);
    expect(text).toMatch(/^bot_partition_guilds 41$/m);
    expect(text).toMatch(/^bot_partition_changes_total\{change="taken"\} 30$/m);
    snapshot = { owned: [], share: 60, members: 1, guilds: 0, failedBeats: 4 };
    text = await metrics.render();
    expect(text).toMatch(/^bot_partitions_owned 0$/m);
    expect(text).toMatch(/^bot_partition_heartbeat_failures 4$/m);
  });
});
