/** Why the browser gave no position: it cannot locate at all, or it refused / failed (with its message). */
export class NoPosition extends Error {
  constructor(readonly unsupported: boolean, reason: string) {
    super(reason)
  }
}

/** The device's position as [longitude, latitude] rounded to 6 decimals (about 0.1 m), from the browser. */
export function currentPosition(timeoutMs = 15_000): Promise<[number, number]> {
  return new Promise((resolve, reject) => {
    if (typeof navigator === 'undefined' || !('geolocation' in navigator)) {
      reject(new NoPosition(true, 'geolocation'))
      return
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve([Number(p.coords.longitude.toFixed(6)), Number(p.coords.latitude.toFixed(6))]),
      (err) => reject(new NoPosition(false, err.message || String(err.code))),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    )
  })
}
