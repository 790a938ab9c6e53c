import { distanceKm } from '../../shared/geo/distance.js';
import { isIncidentOpen, type Category, type GeoPoint, type Incident } from '../../shared/index.js';

/** A report this close to an open incident of the same category is probably the same event. */
export const SIMILAR_INCIDENT_RADIUS_KM = 0.3;

/** Open incidents of the same category within the radius, nearest first. */
export function findSimilarOpenIncidents(
  incidents: Iterable<Incident>,
  report: { category: Category; location: GeoPoint },
): { incident: Incident; distanceKm: number }[] {
  const found: { incident: Incident; distanceKm: number }[] = [];
  for (const incident of incidents) {
    if (incident.category !== report.category || !isIncidentOpen(incident.status)) continue;
    // A cheap box test first: 0.005° is over 400 m at Dalian's latitude, wider than the radius.
    if (Math.abs(incident.location.lat - report.location.lat) > 0.005 || Math.abs(incident.location.lon - report.location.lon) > 0.006) continue;
    const distance = distanceKm(incident.location, report.location);
    if (distance <= SIMILAR_INCIDENT_RADIUS_KM) found.push({ incident, distanceKm: distance });
  }
  return found.sort((a, b) => a.distanceKm - b.distanceKm);
}
