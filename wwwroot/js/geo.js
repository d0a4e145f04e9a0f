// Where sites are: straight-line distance (good enough to rank nearby sites), the device's position, and the way
// there in a map app, which knows the streets.
const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg) => (deg * Math.PI) / 180;

export function haversineKm(lat1, lon1, lat2, lon2) {
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

// Resolves {latitude, longitude}; rejects with 'denied' | 'unavailable' | 'timeout' | 'unsupported'.
export function locate() {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new Error('unsupported'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (pos) => resolve({ latitude: pos.coords.latitude, longitude: pos.coords.longitude }),
      (err) => {
        const reason = err.code === 1 ? 'denied' : err.code === 3 ? 'timeout' : 'unavailable';
        reject(new Error(reason));
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 5 * 60 * 1000 },
    );
  });
}

// The site as a marker in Amap (高德地图), the map app most phones in the district have: its page offers the app
// (callnative) or shows the map itself, and walks or drives the resident there. Sites are configured in WGS-84,
// which Amap shifts onto its own map itself. null for a site without coordinates.
export function directionsUrl(site, name) {
  const { latitude, longitude } = site ?? {};
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  return `https://uri.amap.com/marker?position=${longitude},${latitude}&name=${encodeURIComponent(name ?? '')}`
    + '&coordinate=wgs84&callnative=1';
}
