// Placeholder: replaced by the real benchmark.
export async function runParseBench(): Promise<void> {
  console.log('parse benchmark: not written yet');
}
