// Placeholder: replaced by the real benchmark.
export async function runActivationBench(): Promise<void> {
  console.log('activation benchmark: not written yet');
}
