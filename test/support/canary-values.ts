/** Unique, valid values for canary sweeps, different on every run. */

const randomDigits = (n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => String(b % 10)).join('')

/** A valid 16-digit Visa number (Luhn check digit computed). */
export function canaryCard(): string {
  const body = '4' + randomDigits(14)
  for (let check = 0; check < 10; check++) {
    const digits = body + check
    let sum = 0
    for (let i = 0; i < digits.length; i++) {
      let d = Number(digits[digits.length - 1 - i])
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2
      sum += d
    }
    if (sum % 10 === 0) return digits
  }
  throw new Error('unreachable')
}

/** A valid SSN: area 001–665 or 667–899, group 01–99, serial 0001–9999. */
export function canarySsn(): string {
  const pick = (min: number, max: number) => min + (crypto.getRandomValues(new Uint32Array(1))[0]! % (max - min + 1))
  let area = pick(1, 899)
  if (area === 666) area = 667
  return String(area).padStart(3, '0') + String(pick(1, 99)).padStart(2, '0') + String(pick(1, 9999)).padStart(4, '0')
}

/** A digit string of `n` random digits. */
export { randomDigits }

/** A valid German IBAN with a random 18-digit BBAN (ISO 7064 mod 97-10 check digits computed). */
export function canaryIban(): { iban: string; digits: string } {
  const bban = randomDigits(18)
  // Country DE = 13 14, check digits 00 moved to the end, as ISO 13616 computes them.
  const remainder = BigInt(`${bban}131400`) % 97n
  const check = String(98n - remainder).padStart(2, '0')
  return { iban: `DE${check}${bban}`, digits: bban }
}
