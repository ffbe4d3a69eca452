/** The network an address belongs to: an IPv4 /24 or an IPv6 /64, as the string prefix every address in it starts with. */
export function networkPrefix(ip: string): string {
  if (ip.includes(":")) {
    const groups = ip.toLowerCase().split(":");
    return `${groups.slice(0, 4).join(":")}:`;
  }
  const octets = ip.split(".");
  return octets.length === 4 ? `${octets.slice(0, 3).join(".")}.` : ip;
}

/** The first string after every string that starts with `prefix` (for an index range scan). */
export function prefixUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
