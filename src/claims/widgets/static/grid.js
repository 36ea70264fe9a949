// The explorer's table: one row per statement (keyed by its IRI), a click or the arrow
// keys select a row; the selection is the widget's "selected" trait. At the first or last
// row an arrow key asks Python for the previous or next page ({turn: -1 | 1}).
function render({ model, el }) {
  const wrap = document.createElement("div");
  wrap.className = "claims-grid-wrap";
  const table = document.createElement("table");
  table.className = "claims-table claims-grid";
  table.tabIndex = 0;
  wrap.appendChild(table);
  el.appendChild(wrap);

  function draw() {
    const columns = model.get("columns");
    const rows = model.get("rows");
    const selected = model.get("selected");
    table.replaceChildren();
    const head = table.createTHead().insertRow();
    for (const [name, label] of columns) {
      const th = document.createElement("th");
      th.textContent = label;
      th.className = "claims-col-" + name;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const row of rows) {
      const tr = body.insertRow();
      tr.dataset.iri = row.iri;
      if (row.iri === selected) tr.classList.add("claims-selected");
      row.cells.forEach((value, i) => {
        const td = tr.insertCell();
        td.className = "claims-col-" + columns[i][0];
        td.textContent = value;
        if (value.length > 0) td.title = value;
      });
    }
  }

  function choose(iri) {
    model.set("selected", iri);
    model.save_changes();
  }

  table.addEventListener("click", (event) => {
    const tr = event.target.closest("tr[data-iri]");
    if (tr) {
      table.focus();
      choose(tr.dataset.iri);
    }
  });
  table.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    event.stopPropagation();
    const iris = model.get("rows").map((r) => r.iri);
    if (iris.length === 0) return;
    const at = iris.indexOf(model.get("selected"));
    const step = event.key === "ArrowDown" ? 1 : -1;
    const next = at < 0 ? (step > 0 ? 0 : iris.length - 1) : at + step;
    if (next < 0 || next >= iris.length) {
      model.send({ turn: step });
      return;
    }
    choose(iris[next]);
    const tr = table.querySelector(`tr[data-iri="${CSS.escape(iris[next])}"]`);
    if (tr) tr.scrollIntoView({ block: "nearest" });
  });
  model.on("change:rows", draw);
  model.on("change:columns", draw);
  model.on("change:selected", draw);
  draw();
}

export default { render };
