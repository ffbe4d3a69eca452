import { Button } from "../ui/button";

/** Opens the browser's print dialog; the page's print styles show only the document. */
export function PrintButton() {
  return (
    <Button type="button" variant="secondary" size="sm" onClick={() => window.print()}>
      Print
    </Button>
  );
}
