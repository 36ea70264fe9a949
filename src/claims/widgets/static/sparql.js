// The workbench's SPARQL editor: a textarea over a highlighted copy of its text (the
// textarea's own text is transparent, its caret is not), Ctrl+Enter or Shift+Enter runs
// ({run: text} to Python), a side panel lists the prefixes, classes and properties (a click
// inserts the name at the caret), and an error's line is marked.
const KEYWORDS = new Set(("select construct describe ask where from named prefix base distinct " +
  "reduced as filter optional union minus graph service silent bind values limit offset order " +
  "by asc desc group having not exists in a true false undefined count sum min max avg sample " +
  "group_concat separator str lang langmatches datatype bound iri uri bnode rand abs ceil floor " +
  "round concat strlen ucase lcase encode_for_uri contains strstarts strends strbefore strafter " +
  "year month day hours minutes seconds timezone tz now uuid struuid md5 sha1 sha256 sha384 " +
  "sha512 coalesce if strlang strdt sameterm isiri isuri isblank isliteral isnumeric regex " +
  "substr replace lateral").split(" "));
const TOKEN = new RegExp([
  String.raw`(#[^\n]*)`,                                                   // 1 comment
  String.raw`("""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?)`, // 2 string
  String.raw`(<[^<>\s"{}|^\x60\\]*>)`,                                      // 3 IRI
  String.raw`([?$][A-Za-z_0-9]+)`,                                          // 4 variable
  String.raw`((?:[A-Za-z][\w.-]*)?:[\w.-]*)`,                               // 5 prefixed name
  String.raw`([A-Za-z_][\w]*)`,                                             // 6 word
  String.raw`([+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)`,                        // 7 number
].join("|"), "g");
const CLASSES = [null, "comment", "string", "iri", "var", "pname", "word", "number"];

function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function highlight(text) {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    out += escape(text.slice(last, m.index));
    const group = m.slice(1).findIndex((g) => g !== undefined) + 1;
    let cls = CLASSES[group];
    if (cls === "word") cls = KEYWORDS.has(m[0].toLowerCase()) ? "keyword" : null;
    out += cls ? `<span class="claims-sparql-${cls}">${escape(m[0])}</span>` : escape(m[0]);
    last = m.index + m[0].length;
  }
  return out + escape(text.slice(last)) + "\n";
}

function render({ model, el }) {
  const box = document.createElement("div");
  box.className = "claims-sparql";
  const editor = document.createElement("div");
  editor.className = "claims-sparql-editor";
  const pre = document.createElement("pre");
  pre.className = "claims-sparql-highlight";
  pre.setAttribute("aria-hidden", "true");
  const area = document.createElement("textarea");
  area.className = "claims-sparql-input";
  area.spellcheck = false;
  area.setAttribute("data-lm-suppress-shortcuts", "true");
  area.placeholder = model.get("placeholder");
  editor.append(pre, area);
  const hint = document.createElement("div");
  hint.className = "claims-sparql-keys";
  hint.textContent = "Ctrl+Enter or Shift+Enter runs the query";
  const side = document.createElement("div");
  side.className = "claims-sparql-terms";
  const left = document.createElement("div");
  left.className = "claims-sparql-main";
  left.append(editor, hint);
  box.append(left, side);
  el.appendChild(box);

  function paint() {
    pre.innerHTML = highlight(area.value);
    const error = model.get("error_line");
    if (error > 0) {
      const lines = pre.innerHTML.split("\n");
      if (error <= lines.length) {
        lines[error - 1] = `<span class="claims-sparql-error-line">${lines[error - 1] || " "}</span>`;
        pre.innerHTML = lines.join("\n");
      }
    }
    pre.scrollTop = area.scrollTop;
    pre.scrollLeft = area.scrollLeft;
  }
  function push() {
    model.set("value", area.value);
    model.save_changes();
  }
  function insert(text) {
    const start = area.selectionStart, end = area.selectionEnd;
    area.setRangeText(text, start, end, "end");
    area.focus();
    paint();
    push();
  }
  area.addEventListener("input", () => { paint(); push(); });
  area.addEventListener("scroll", () => { pre.scrollTop = area.scrollTop; pre.scrollLeft = area.scrollLeft; });
  area.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey || event.shiftKey)) {
      event.preventDefault();
      event.stopPropagation();
      push();
      model.send({ run: area.value });
    } else if (event.key === "Tab" && !event.ctrlKey && !event.altKey) {
      event.preventDefault();
      event.stopPropagation();
      insert("  ");
    }
  }, true);

  function terms() {
    side.replaceChildren();
    const title = document.createElement("div");
    title.className = "claims-sparql-terms-title";
    title.textContent = "Prefixes, classes and properties (click to insert)";
    side.appendChild(title);
    for (const [group, items] of model.get("terms")) {
      const details = document.createElement("details");
      details.open = group === "Classes";
      const summary = document.createElement("summary");
      summary.textContent = `${group} (${items.length})`;
      details.appendChild(summary);
      const list = document.createElement("ul");
      for (const [name, insertText, help] of items) {
        const item = document.createElement("li");
        const code = document.createElement("code");
        code.textContent = name;
        item.appendChild(code);
        item.title = help;
        item.dataset.insert = insertText;
        item.addEventListener("click", () => insert(insertText));
        list.appendChild(item);
      }
      details.appendChild(list);
      side.appendChild(details);
    }
  }
  model.on("change:value", () => {
    if (area.value !== model.get("value")) {
      area.value = model.get("value");
      paint();
    }
  });
  model.on("change:error_line", paint);
  model.on("change:terms", terms);
  area.value = model.get("value");
  paint();
  terms();
}

export default { render };
