import { Link } from "@remix-run/react";
import { Badge } from "../ui/badge";
import { EmptyState } from "../ui/empty-state";

export type GalleryItem = {
  id: string;
  title: string;
  description: string;
  images: Array<{ key: string; url: string; width: number | null; height: number | null }>;
  link: string | null;
  skills: Array<{ slug: string; name: string }>;
  /** The project on MegiLance the work came from, while that project is public. */
  project: { id: string; title: string } | null;
};

function hostOf(link: string): string {
  try {
    return new URL(link).host;
  } catch {
    return link;
  }
}

/** A freelancer's work samples: the first image large, the rest as a strip beneath, with skills and a link out. */
export function PortfolioGallery({ items }: { items: GalleryItem[] }) {
  if (items.length === 0) return <EmptyState title="No portfolio items yet">Work samples will appear here.</EmptyState>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2" aria-label="Portfolio items">
      {items.map((item) => {
        const [cover, ...rest] = item.images;
        return (
          <li key={item.id} className="border-subtle surface rounded-card min-w-0 overflow-hidden border">
            {cover ? (
              <img
                src={`/api/files/${encodeURIComponent(cover.key)}`}
                alt={`${item.title}, 1 of ${item.images.length}`}
                width={cover.width ?? undefined}
                height={cover.height ?? undefined}
                loading="lazy"
                className="aspect-video w-full object-cover"
              />
            ) : null}
            <div className="space-y-2 p-4">
              <h3 className="font-semibold break-words">{item.title}</h3>
              {item.description ? <p className="text-muted text-sm break-words whitespace-pre-line">{item.description}</p> : null}
              {rest.length ? (
                <div className="grid grid-cols-4 gap-2">
                  {rest.map((image, index) => (
                    <img
                      key={image.key}
                      src={`/api/files/${encodeURIComponent(image.key)}`}
                      alt={`${item.title}, ${index + 2} of ${item.images.length}`}
                      width={image.width ?? undefined}
                      height={image.height ?? undefined}
                      loading="lazy"
                      className="rounded-control aspect-square w-full object-cover"
                    />
                  ))}
                </div>
              ) : null}
              {item.skills.length ? (
                <ul className="flex flex-wrap gap-1.5" aria-label={`Skills used in ${item.title}`}>
                  {item.skills.map((skill) => (
                    <li key={skill.slug}>
                      <Badge>{skill.name}</Badge>
                    </li>
                  ))}
                </ul>
              ) : null}
              {item.project ? (
                <p className="text-sm break-words">
                  From the project{" "}
                  <Link to={`/projects/${item.project.id}`} className="font-medium underline">
                    {item.project.title}
                  </Link>
                </p>
              ) : null}
              {item.link ? (
                <a href={item.link} rel="noopener noreferrer nofollow" target="_blank" className="text-sm font-medium break-all underline">
                  See it live at {hostOf(item.link)}
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
