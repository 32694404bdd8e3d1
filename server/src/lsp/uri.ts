/** file:///a/b%20c.json → /a/b c.json (enough for name matching; other schemes keep their path). */
export function URI_PATH(uri: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(uri);
  const path = m ? (m[1] ?? '/') : uri;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
