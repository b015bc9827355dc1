/**
 * Consecutive active days ending today, or yesterday (today is not over yet), counted back from
 * there. `days` are local `YYYY-MM-DD` strings in any order, duplicates allowed.
 */
export function streakDays(days: Iterable<string>, today: string): number {
  const active = new Set(days);
  let cursor = active.has(today) ? today : previousDay(today);
  let streak = 0;
  while (active.has(cursor)) {
    streak += 1;
    cursor = previousDay(cursor);
  }
  return streak;
}

function previousDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Monday (`YYYY-MM-DD`) of the week holding `day`. */
export function weekStart(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** The Mondays of the last `count` weeks up to the one holding `today`, oldest first. */
export function lastWeeks(today: string, count: number): string[] {
  const weeks: string[] = [];
  let monday = weekStart(today);
  for (let i = 0; i < count; i++) {
    weeks.unshift(monday);
    const d = new Date(`${monday}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 7);
    monday = d.toISOString().slice(0, 10);
  }
  return weeks;
}
