// The nonce of the webview's script tag: 128 bits from the platform's CSPRNG (crypto.getRandomValues, in Node and
// in web workers alike), as 32 hex digits (a predictable generator must not choose it).

/** A fresh nonce for one webview HTML document. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
