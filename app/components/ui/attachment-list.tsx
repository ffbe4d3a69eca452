/** A stored file as lists show it; name, type and size may be unknown for files listed by key only. */
export interface AttachmentItem {
  key: string;
  name?: string | null;
  contentType?: string | null;
  size?: number | null;
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Files attached to a message or a submission: images as thumbnails that open full size, other files as download
 * links with their size. The files answer only to people allowed to read them (GET /api/files/:key).
 */
export function AttachmentList({ items, align = "start" }: { items: AttachmentItem[]; align?: "start" | "end" }) {
  if (items.length === 0) return null;
  return (
    <ul aria-label="Attachments" className={`mt-1 flex flex-wrap gap-2 ${align === "end" ? "justify-end" : ""}`}>
      {items.map((file, index) => {
        const href = `/api/files/${encodeURIComponent(file.key)}`;
        const name = file.name || `File ${index + 1}`;
        return (
          <li key={file.key} className="max-w-full">
            {file.contentType?.startsWith("image/") ? (
              <a href={href} target="_blank" rel="noreferrer" className="block">
                <img
                  src={href}
                  alt={name}
                  loading="lazy"
                  className="rounded-control border-subtle max-h-40 max-w-full border object-cover"
                />
              </a>
            ) : (
              <a
                href={href}
                download={name}
                className="border-subtle surface rounded-control inline-flex max-w-full items-center gap-2 border px-3 py-2 text-sm underline"
              >
                <span className="truncate">{name}</span>
                {file.size != null ? <span className="text-muted shrink-0 no-underline">{sizeText(file.size)}</span> : null}
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
