// Placeholder: replaced by the real benchmark.
export async function runHoverBench(): Promise<void> {
  console.log('hover benchmark: not written yet');
}
