/** The 8 groups of an IPv6 address, or null when it is not one. */
const ipv6Groups = (ip: string): string[] | null => {
  const halves = ip.split("::")
  if (halves.length > 2) {
    return null
  }
  const head = halves[0] ? halves[0].split(":") : []
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : []
  const missing = 8 - head.length - tail.length
  if ((halves.length === 1 && missing !== 0) || missing < 0) {
    return null
  }
  const groups = [...head, ...Array(halves.length === 2 ? missing : 0).fill("0"), ...tail]
  return groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group)) ? groups : null
}

/**
 * The key an address is counted under: an IPv4 address as it is (also when
 * written IPv4-mapped), an IPv6 address by its /64 network, since one client
 * usually holds a whole /64 and could otherwise take a fresh address per guess.
 */
export const clientAddressKey = (ip: string | undefined | null): string | null => {
  if (!ip) {
    return null
  }
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(ip)
  if (mapped) {
    return mapped[1]
  }
  if (!ip.includes(":")) {
    return ip
  }
  const groups = ipv6Groups(ip.split("%")[0])
  return groups
    ? `${groups
        .slice(0, 4)
        .map((group) => parseInt(group, 16).toString(16))
        .join(":")}::/64`
    : ip
}
