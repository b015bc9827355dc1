/** Hands a fetched file to the browser as a download (a plain link would go without the token). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the blob is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
