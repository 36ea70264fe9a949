// A cell that starts with %%sparql is edited as SPARQL: JupyterLab's own SPARQL language
// (application/sparql-query, CodeMirror's legacy SPARQL mode) highlights it. Every other
// code cell keeps the notebook's language; removing the magic gives it back.
import { INotebookTracker } from '@jupyterlab/notebook';

const SPARQL = 'application/sparql-query';
const MAGIC = /^\s*%%sparql\b/;
const watched = new WeakSet();

function source(model) {
  return model.sharedModel ? model.sharedModel.getSource() : '';
}

function watchCell(notebook, model) {
  if (model.type !== 'code' || watched.has(model)) {
    return;
  }
  watched.add(model);
  const update = () => {
    const wanted = MAGIC.test(source(model)) ? SPARQL : notebook.codeMimetype;
    if (wanted && model.mimeType !== wanted) {
      model.mimeType = wanted; // the notebook resets it on a kernel change: set again below
    }
  };
  model.contentChanged.connect(update);
  model.mimeTypeChanged.connect(update);
  update();
}

function watchNotebook(notebook) {
  const attach = () => {
    const cells = notebook.model ? notebook.model.cells : null;
    if (!cells) {
      return;
    }
    for (let i = 0; i < cells.length; i++) {
      watchCell(notebook, cells.get(i));
    }
    cells.changed.connect((_, change) => {
      for (const model of change.newValues) {
        watchCell(notebook, model);
      }
    });
  };
  attach();
  notebook.modelChanged.connect(attach);
}

const plugin = {
  id: 'claims-sparql-cells:plugin',
  description: 'Highlight %%sparql cells as SPARQL.',
  autoStart: true,
  requires: [INotebookTracker],
  activate: (app, tracker) => {
    tracker.forEach(panel => watchNotebook(panel.content));
    tracker.widgetAdded.connect((_, panel) => watchNotebook(panel.content));
  }
};

export default plugin;
