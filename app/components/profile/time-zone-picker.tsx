import { useEffect, useId, useMemo, useState } from "react";
import { FieldErrors, inputClass } from "../ui/field";
import { cx } from "../ui/cx";

const MAX_SHOWN = 8;

/** "Europe/Berlin" as people read it: the city, its region and the offset now. */
function describe(zone: string, withOffset = true): string {
  const city = zone.split("/").pop()!.replace(/_/g, " ");
  const region = zone.includes("/") ? zone.split("/")[0].replace(/_/g, " ") : "";
  let offset = "";
  if (withOffset)
    try {
      offset =
        new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "shortOffset" })
          .formatToParts(new Date())
          .find((p) => p.type === "timeZoneName")?.value ?? "";
    } catch {
      offset = "";
    }
  return [city, region && region !== city ? `(${region})` : "", offset ? `· ${offset}` : ""].filter(Boolean).join(" ");
}

function allZones(): string[] {
  const supported = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
  return supported.includes("UTC") ? supported : ["UTC", ...supported];
}

/** A time zone chosen by searching city or region names; the IANA name travels in a hidden field `name`. */
export function TimeZonePicker({
  name,
  label,
  defaultZone,
  errors,
}: {
  name: string;
  label: string;
  defaultZone: string;
  errors?: string[];
}) {
  const id = useId();
  const [ready, setReady] = useState(false);
  const [zone, setZone] = useState(defaultZone);
  const [query, setQuery] = useState("");
  useEffect(() => setReady(true), []);
  const zones = useMemo(() => (ready ? allZones() : []), [ready]);
  const matches = useMemo(() => {
    const words = query.toLowerCase().replace(/_/g, " ").split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    return zones.filter((z) => words.every((w) => z.toLowerCase().replace(/_/g, " ").includes(w))).slice(0, MAX_SHOWN);
  }, [query, zones]);

  return (
    <div className="min-w-0">
      <input type="hidden" name={name} value={zone} />
      <label htmlFor={`${id}-search`} className="block text-sm font-medium">
        {label}
      </label>
      <p id={`${id}-now`} className="text-muted mt-0.5 text-sm break-words">
        Now: <span className="font-medium">{describe(zone, ready)}</span>
      </p>
      {ready ? (
        <>
          <input
            id={`${id}-search`}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Search a city, e.g. Berlin"
            aria-describedby={`${id}-now`}
            aria-controls={`${id}-matches`}
            autoComplete="off"
            className={cx(inputClass, "mt-1")}
          />
          <ul id={`${id}-matches`} aria-label="Matching time zones" aria-live="polite" className="mt-1 space-y-1">
            {matches.map((z) => (
              <li key={z}>
                <button
                  type="button"
                  onClick={() => {
                    setZone(z);
                    setQuery("");
                  }}
                  className="w-full rounded px-2 py-1 text-left text-sm break-words hover:bg-black/5 dark:hover:bg-white/10"
                >
                  {describe(z)}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="text-muted text-sm">Turn on JavaScript to search time zones.</p>
      )}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}
