// The email body as formatted text (Quill): bold, italic, lists and links, with merge fields as
// chips that show their label and cannot be edited letter by letter. The textarea stays the
// form field: the editor writes `{{ candidate_first_name }}` and HTML into it on every change,
// and reads it again when the page replaces it (a "change" event, e.g. another document).
(() => {
  const source = document.getElementById("merge-labels");
  const toolbarTemplate = document.getElementById("body-toolbar");
  if (!source || !toolbarTemplate || !window.Quill) return;
  const labels = JSON.parse(source.textContent);
  const FIELD = /\{\{\s*([a-z_]+)\s*\}\}/g;

  const Embed = Quill.import("blots/embed");
  class MergeField extends Embed {
    static blotName = "mergeField";
    static tagName = "SPAN";
    static className = "merge-chip";

    static create(name) {
      const node = super.create(name);
      node.dataset.field = name;
      node.textContent = labels[name] || name;
      return node;
    }

    static value(node) { return node.dataset.field; }

    html() { return `{{ ${this.domNode.dataset.field} }}`; }
  }
  Quill.register(MergeField);

  // In the editor a line is a line of the email, and an empty line between two lines starts a
  // new paragraph, as in a mail client: <p>A<br>B</p><p>C</p> is shown as A, B, (empty), C.
  const forEditor = (html) => {
    const page = new DOMParser().parseFromString(html, "text/html");
    [...page.body.children].slice(1).forEach((block) => {
      const blank = page.createElement("p");
      blank.append(page.createElement("br"));
      block.before(blank);
    });
    withChips(page);
    return page.body.innerHTML;
  };

  // Known merge fields in the text (never in attributes, such as a link's address) become chips.
  const withChips = (page) => {
    const walker = page.createTreeWalker(page.body, NodeFilter.SHOW_TEXT);
    const texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    texts.forEach((text) => {
      const parts = text.data.split(FIELD);
      if (parts.length === 1) return;
      // split() with a group gives text, field, text, field, …, text.
      text.replaceWith(...parts.map((part, i) => {
        if (i % 2 === 0) return part;
        if (!(part in labels)) return `{{ ${part} }}`;  // the server names the unknown field
        const chip = page.createElement("span");
        chip.className = "merge-chip";
        chip.dataset.field = part;
        return chip;
      }));
    });
  };

  // Lines up to an empty line make one paragraph. (Quill writes every space as &nbsp;, which
  // would keep an email's lines from wrapping.)
  const forEmail = (quill) => {
    if (quill.getLength() <= 1) return "";
    const html = quill.getSemanticHTML().replaceAll("&nbsp;", " ");
    const page = new DOMParser().parseFromString(html, "text/html");
    const blocks = [];
    let lines = [];
    const endParagraph = () => {
      if (lines.length) blocks.push(`<p>${lines.join("<br>")}</p>`);
      lines = [];
    };
    [...page.body.children].forEach((block) => {
      if (block.tagName !== "P") {
        endParagraph();
        blocks.push(block.outerHTML);
      } else if (block.textContent.trim()) {
        lines.push(block.innerHTML);
      } else {
        endParagraph();
      }
    });
    endParagraph();
    return blocks.join("");
  };

  function addLink(value) {
    const quill = this.quill;
    if (!value) { quill.format("link", false, "user"); return; }
    const range = quill.getSelection(true);
    const url = window.prompt(this.container.dataset.linkPrompt, "https://");
    if (!url || url === "https://") return;
    if (range.length) quill.formatText(range.index, range.length, "link", url, "user");
    else quill.insertText(range.index, url, "link", url, "user");
  }

  // Tab leaves the editor, as everywhere on the page (no tab characters in an email).
  const noTab = Object.fromEntries(["tab", "indent", "outdent", "remove tab", "table tab",
    "indent code-block", "outdent code-block"].map((name) => [name, false]));

  const attach = (textarea) => {
    const frame = document.createElement("div");
    frame.className = "body-editor form-control p-0";
    if (textarea.classList.contains("is-invalid")) frame.classList.add("is-invalid");
    const toolbar = toolbarTemplate.content.firstElementChild.cloneNode(true);
    const area = document.createElement("div");
    frame.append(toolbar, area);
    textarea.after(frame);
    textarea.hidden = true;

    const quill = new Quill(area, {
      formats: ["bold", "italic", "underline", "strike", "link", "list", "indent", "header",
        "mergeField"],
      modules: { toolbar: { container: toolbar, handlers: { link: addLink } },
        keyboard: { bindings: noTab } },
    });
    const label = document.querySelector(`label[for="${textarea.id}"]`);
    quill.root.setAttribute("role", "textbox");
    quill.root.setAttribute("aria-multiline", "true");
    ["aria-describedby", "aria-invalid"].forEach((name) => {
      if (textarea.hasAttribute(name)) quill.root.setAttribute(name, textarea.getAttribute(name));
    });
    if (label) {
      label.id = label.id || `${textarea.id}-label`;
      label.removeAttribute("for");
      label.addEventListener("click", () => quill.focus());
      quill.root.setAttribute("aria-labelledby", label.id);
    }

    const load = () => quill.setContents(
      quill.clipboard.convert({ html: forEditor(textarea.value) }), "silent");
    load();
    textarea.addEventListener("change", load);
    quill.on("text-change", (_delta, _old, origin) => {
      if (origin !== "user") return;
      textarea.value = forEmail(quill);
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    });

    toolbar.querySelectorAll("[data-merge-field]").forEach((item) => {
      item.addEventListener("click", () => {
        const range = quill.getSelection(true);
        quill.deleteText(range.index, range.length, "user");
        quill.insertEmbed(range.index, "mergeField", item.dataset.mergeField, "user");
        quill.setSelection(range.index + 1, "silent");
      });
    });
  };

  document.querySelectorAll("textarea[data-body-editor]").forEach(attach);
})();
