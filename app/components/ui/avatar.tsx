import { cx } from "./cx";

const SIZES = {
  xs: "h-6 w-6 text-[10px]",
  sm: "h-8 w-8 text-xs",
  md: "h-10 w-10 text-sm",
  lg: "h-16 w-16 text-lg",
  xl: "h-28 w-28 text-3xl",
};
export type AvatarSize = keyof typeof SIZES;

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? (parts[parts.length - 1][0] ?? "") : "")).toUpperCase();
}

/** A person's face: their square photo in a circle, or their initials when they have none. Decorative: the name sits beside it. */
export function Avatar({
  name,
  photoUrl,
  size = "md",
  className,
}: {
  name: string;
  photoUrl?: string | null;
  size?: AvatarSize;
  className?: string;
}) {
  // Photos are our own files: served from this origin whatever origin the API answer named.
  const src = photoUrl && /^https?:\/\//.test(photoUrl) ? new URL(photoUrl).pathname : photoUrl;
  const box = cx("inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full", SIZES[size], className);
  if (src) return <img src={src} alt="" aria-hidden="true" loading="lazy" decoding="async" className={cx(box, "object-cover")} />;
  return (
    <span aria-hidden="true" className={cx(box, "bg-brand-600 font-bold text-white")}>
      {initials(name)}
    </span>
  );
}
