const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Time-sortable, URL-safe id (ULID layout): 10 chars of milliseconds + 16 random chars. */
export function newId(nowMs: number = Date.now()): string {
  let time = "";
  let t = nowMs;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let rand = "";
  for (const b of bytes) rand += CROCKFORD[b % 32];
  return time + rand;
}
