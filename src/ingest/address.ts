/**
 * Is an IP address one that a URL fetched on a user's behalf may reach? Only public unicast addresses:
 * not loopback, private (RFC 1918, unique local), link-local, carrier-grade NAT, documentation,
 * benchmarking, multicast, reserved or unspecified ones. IPv6 forms that carry an IPv4 address
 * (IPv4-mapped, NAT64, 6to4) are judged by the IPv4 address they carry.
 */
import { isIPv4, isIPv6 } from "node:net";

type Range = readonly [base: number[], bits: number];

/** IPv4 special-purpose blocks (IANA registry) that are not globally reachable. */
const IPV4_BLOCKED: Range[] = [
  [[0, 0, 0, 0], 8], // "this network"
  [[10, 0, 0, 0], 8], // private
  [[100, 64, 0, 0], 10], // carrier-grade NAT
  [[127, 0, 0, 0], 8], // loopback
  [[169, 254, 0, 0], 16], // link-local (cloud metadata services live here)
  [[172, 16, 0, 0], 12], // private
  [[192, 0, 0, 0], 24], // IETF protocol assignments
  [[192, 0, 2, 0], 24], // documentation
  [[192, 88, 99, 0], 24], // 6to4 relay anycast
  [[192, 168, 0, 0], 16], // private
  [[198, 18, 0, 0], 15], // benchmarking
  [[198, 51, 100, 0], 24], // documentation
  [[203, 0, 113, 0], 24], // documentation
  [[224, 0, 0, 0], 4], // multicast
  [[240, 0, 0, 0], 4], // reserved, and the broadcast address
];

/** Within global unicast (2000::/3), the blocks that are not public. */
const IPV6_BLOCKED: Range[] = [
  [[0x20, 0x01, 0x00, 0x00], 23], // IETF protocol assignments (Teredo, ORCHID, …)
  [[0x20, 0x01, 0x0d, 0xb8], 32], // documentation
  [[0x3f, 0xff, 0x00, 0x00], 20], // documentation
];

export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (isIPv4(bare)) return isPublicIPv4(ipv4Bytes(bare));
  if (isIPv6(bare)) return isPublicIPv6(ipv6Bytes(bare));
  return false;
}

function isPublicIPv4(bytes: number[]): boolean {
  return !IPV4_BLOCKED.some((range) => inRange(bytes, range));
}

function isPublicIPv6(bytes: number[]): boolean {
  const embedded = embeddedIPv4(bytes);
  if (embedded) return isPublicIPv4(embedded);
  // Everything outside 2000::/3 (loopback, unspecified, unique local fc00::/7, link-local fe80::/10,
  // multicast ff00::/8, the old IPv4-compatible ::/96) is not public unicast.
  if ((bytes[0]! & 0xe0) !== 0x20) return false;
  return !IPV6_BLOCKED.some((range) => inRange(bytes, range));
}

/** The IPv4 address inside an IPv4-mapped (::ffff:0:0/96), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
function embeddedIPv4(bytes: number[]): number[] | null {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12);
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)) return bytes.slice(12);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6);
  return null;
}

function inRange(bytes: number[], [base, bits]: Range): boolean {
  for (let i = 0; i * 8 < bits; i++) {
    const keep = Math.min(8, bits - i * 8);
    const mask = (0xff << (8 - keep)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((base[i] ?? 0) & mask)) return false;
  }
  return true;
}

function ipv4Bytes(address: string): number[] {
  return address.split(".").map(Number);
}

/** The 16 bytes of a valid IPv6 address (with `::` and a trailing dotted IPv4 part handled). */
function ipv6Bytes(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted) {
    const [a, b, c, d] = ipv4Bytes(dotted) as [number, number, number, number];
    text = text.slice(0, -dotted.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const before = groups(head);
  const after = tail === undefined ? [] : groups(tail);
  const words = [...before, ...Array<string>(8 - before.length - after.length).fill("0"), ...after];
  return words.flatMap((w) => {
    const n = parseInt(w, 16);
    return [n >> 8, n & 0xff];
  });
}
