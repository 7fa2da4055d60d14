/**
 * Spreads labels of one height along one side of a vertical time axis: none overlaps the next,
 * they keep their points' order, and each sits as near its point as the others allow. Touching
 * labels merge into blocks that settle at the mean of their wishes (the least-squares answer),
 * clamped to the plot. Pure, so tests can check the guarantees directly.
 */
export function spreadLabels(
  wanted: readonly number[],
  pitch: number,
  bounds: { min: number; max: number },
): number[] {
  const order = wanted.map((_, index) => index).sort((a, b) => wanted[a]! - wanted[b]! || a - b);
  const blocks: { first: number; count: number; sum: number; centre: number }[] = [];
  const settle = (count: number, sum: number): number => {
    const lowest = bounds.min + pitch / 2;
    const highest = bounds.max - pitch / 2 - (count - 1) * pitch;
    return Math.max(lowest, Math.min(sum / count, highest));
  };
  order.forEach((index, position) => {
    let block = { first: position, count: 1, sum: wanted[index]!, centre: 0 };
    block.centre = settle(block.count, block.sum);
    for (let previous = blocks.at(-1); previous; previous = blocks.at(-1)) {
      if (previous.centre + previous.count * pitch <= block.centre + 1e-9) break;
      blocks.pop();
      // Within the merged block, our labels sit previous.count pitches below its first centre.
      const sum = previous.sum + block.sum - previous.count * pitch * block.count;
      const count = previous.count + block.count;
      block = { first: previous.first, count, sum, centre: settle(count, sum) };
    }
    blocks.push(block);
  });
  const centres = new Array<number>(wanted.length).fill(0);
  for (const block of blocks) {
    for (let k = 0; k < block.count; k++)
      centres[order[block.first + k]!] = block.centre + k * pitch;
  }
  return centres;
}
