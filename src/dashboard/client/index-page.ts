/** The index works without scripts; with them, it can be filtered by name and by regression. */
export function startIndexPage(): void {
  const filters = document.querySelector<HTMLElement>(".filters");
  const input = document.getElementById("filter") as HTMLInputElement | null;
  const only = document.getElementById("only-regressions") as HTMLInputElement | null;
  const shown = document.getElementById("shown");
  if (!filters || !input || !only || !shown) return;
  filters.hidden = false;
  const rows = [...document.querySelectorAll<HTMLTableRowElement>("#benchmarks tbody tr")];
  const apply = () => {
    const text = input.value.trim().toLowerCase();
    let visible = 0;
    for (const row of rows) {
      const match =
        (row.dataset.id ?? "").includes(text) && (!only.checked || row.dataset.worst === "regression");
      row.hidden = !match;
      if (match) visible++;
    }
    shown.textContent = `Showing ${visible} of ${rows.length} benchmarks.`;
  };
  input.addEventListener("input", apply);
  only.addEventListener("change", apply);
  apply();
}
