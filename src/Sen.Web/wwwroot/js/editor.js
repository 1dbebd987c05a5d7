// The article body editor: enhances every textarea[data-rich-editor] with Quill 2 (snow theme).
// Progressive enhancement: without JavaScript the textarea (HTML) still works, and the server sanitizes
// every save whatever is sent. Quill is loaded from /lib/quill (copied from npm by the build), never a CDN.
// Labels come from the page (<partial name="_EditorLabels" />), so every string is localized on the server.
(function () {
  "use strict";

  const areas = document.querySelectorAll("textarea[data-rich-editor]");
  const covers = document.querySelectorAll("input[data-cover-picker]");
  if (areas.length === 0 && covers.length === 0) { return; }

  const script = document.currentScript;
  const base = new URL("../lib/quill/", script ? script.src : window.location.href);
  const labelsHost = document.querySelector("[data-editor-labels]");
  const labels = labelsHost ? JSON.parse(labelsHost.getAttribute("data-editor-labels")) : {};
  const text = (key) => labels[key] || key;

  // The formats the editor keeps; anything else (fonts, colours, sizes, classes) is dropped, on paste too.
  const formats = ["header", "bold", "italic", "underline", "list", "indent", "link", "blockquote", "table", "figure"];
  const keptFormats = new Set(formats);
  const keptAttributes = new Set(["href", "src", "alt", "width", "height", "colspan", "rowspan"]);
  const imageTypes = ["image/jpeg", "image/png", "image/webp", "image/gif"];
  let counter = 0;

  function loadQuill() {
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = new URL("quill.snow.css", base).href;
    document.head.appendChild(css);
    return new Promise((resolve, reject) => {
      if (window.Quill) { resolve(window.Quill); return; }
      const tag = document.createElement("script");
      tag.src = new URL("quill.js", base).href;
      tag.onload = () => resolve(window.Quill);
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }

  function element(name, attributes, children) {
    const node = document.createElement(name);
    Object.entries(attributes || {}).forEach(([key, value]) => {
      if (key === "text") { node.textContent = value; } else if (value !== null && value !== undefined) { node.setAttribute(key, value); }
    });
    (children || []).forEach((child) => node.appendChild(child));
    return node;
  }

  function nextId(prefix) {
    counter += 1;
    return "rich-editor-" + prefix + "-" + counter;
  }

  // Only web addresses, mail links and addresses on this site; the server enforces the same.
  function safeUrl(value) {
    const url = (value || "").trim();
    return /^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(url) ? url : null;
  }

  // The admin CSP refuses inline styles, also in the documents Quill parses pasted HTML into: each style
  // attribute would log a violation and be ignored anyway (a paste from Word has hundreds). So style blocks go,
  // and style attributes become data-style before parsing, where only Word's list markers are read from them.
  function withoutInlineStyles(html) {
    return html
      .replace(/<style[\s\S]*?<\/style\s*>/gi, "")
      .replace(/\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]*)/gi, " data-style=$1");
  }

  // Word writes list items as <p style="mso-list:l0 level1 lfo1"> with the marker in a mso-list:Ignore span, and
  // says in its <style> block whether list l0 is bulleted (Quill's own Word support reads the style attributes).
  function wordLists(doc, original) {
    const items = Array.from(doc.querySelectorAll("[data-style*='mso-list']"));
    items.filter((node) => /mso-list:\s*ignore/i.test(node.getAttribute("data-style"))).forEach((node) => node.remove());
    const parsed = items.map((element) => {
      const style = element.getAttribute("data-style") || "";
      const id = style.match(/mso-list:[^;]*\bl(\d+)/i);
      if (!element.isConnected || !id) { return null; }
      const level = style.match(/mso-list:[^;]*\blevel(\d+)/i);
      const indent = level ? Number(level[1]) : 1;
      const format = original.match(new RegExp("@list l" + id[1] + ":level" + indent + "\\s*\\{[^}]*mso-level-number-format:\\s*([\\w-]+)", "i"));
      return { id: id[1], indent, type: format && format[1] === "bullet" ? "bullet" : "ordered", element };
    }).filter(Boolean);
    while (parsed.length) {
      const group = [parsed.shift()];
      while (parsed.length && parsed[0].id === group[0].id && parsed[0].element === group[group.length - 1].element.nextElementSibling) {
        group.push(parsed.shift());
      }
      const list = doc.createElement("ul");
      group.forEach((item) => {
        const li = doc.createElement("li");
        li.setAttribute("data-list", item.type);
        if (item.indent > 1) { li.className = "ql-indent-" + (item.indent - 1); }
        li.append(...item.element.childNodes);
        list.appendChild(li);
      });
      group[0].element.replaceWith(list);
      group.slice(1).forEach((item) => item.element.remove());
    }
  }

  function registerClipboard(Quill) {
    const Clipboard = Quill.import("modules/clipboard");
    class CleanClipboard extends Clipboard {
      convertHTML(html) {
        this.pastedHtml = html;
        return super.convertHTML(withoutInlineStyles(html));
      }

      normalizeHTML(doc) {
        wordLists(doc, this.pastedHtml || "");
        super.normalizeHTML(doc);
      }
    }
    Quill.register("modules/clipboard", CleanClipboard, true);
  }

  function registerFigure(Quill) {
    if (Quill.imports["formats/figure"]) { return; }
    const BlockEmbed = Quill.import("blots/block/embed");

    // <figure><img src alt><figcaption>…</figcaption></figure>: an image always carries its alt text.
    class FigureBlot extends BlockEmbed {
      static blotName = "figure";
      static tagName = "FIGURE";

      static create(value) {
        const node = super.create();
        node.setAttribute("contenteditable", "false");
        const image = element("img", { src: safeUrl(value.src) || "", alt: value.alt || "" });
        if (value.width) { image.setAttribute("width", value.width); }
        if (value.height) { image.setAttribute("height", value.height); }
        node.appendChild(image);
        if (value.caption) { node.appendChild(element("figcaption", { text: value.caption })); }
        return node;
      }

      static value(node) {
        const image = node.querySelector("img");
        const caption = node.querySelector("figcaption");
        return {
          src: image ? image.getAttribute("src") : "",
          alt: image ? image.getAttribute("alt") || "" : "",
          caption: caption ? caption.textContent.trim() : "",
          width: image ? image.getAttribute("width") : null,
          height: image ? image.getAttribute("height") : null,
        };
      }
    }

    Quill.register(FigureBlot);
  }

  // Paste from Word (and the web): keep structure and emphasis, drop everything Word adds.
  function clipboardMatchers(Quill) {
    const Delta = Quill.import("delta");
    const empty = () => new Delta();
    // Headings become h2–h4 (the page's title is the h1); every other attribute but the kept formats goes.
    const keepOnly = (node, delta) => new Delta(delta.ops.map((op) => {
      const attributes = {};
      Object.entries(op.attributes || {}).forEach(([name, value]) => {
        if (name === "header") {
          attributes.header = Math.min(Math.max(Number(value) || 2, 2), 4);
        } else if (keptFormats.has(name)) {
          attributes[name] = value;
        }
      });
      return Object.keys(attributes).length ? { insert: op.insert, attributes } : { insert: op.insert };
    }));
    const looseImage = (node) => {
      if (node.closest("figure")) { return new Delta(); }
      const src = safeUrl(node.getAttribute("src"));
      return src ? new Delta().insert({ figure: { src, alt: node.getAttribute("alt") || "", caption: "" } }) : empty();
    };
    return [
      ["o\\:p", empty],
      ["style", empty],
      ["script", empty],
      ["xml", empty],
      ["img", looseImage],
      [Node.ELEMENT_NODE, keepOnly],
    ];
  }

  function tokenOf(form) {
    const field = (form && form.querySelector("input[name='__RequestVerificationToken']")) ||
      document.querySelector("input[name='__RequestVerificationToken']");
    return field ? field.value : "";
  }

  // A modal dialog built from labelled fields; resolves with the values, or null when cancelled.
  function dialog(titleKey, build, submit) {
    const titleId = nextId("dialog-title");
    const error = element("p", { class: "rich-editor-error", role: "alert" });
    const form = element("form", { method: "dialog", novalidate: "" });
    const box = element("dialog", { class: "rich-editor-dialog", "aria-labelledby": titleId }, [
      element("h2", { id: titleId, text: text(titleKey) }), form,
    ]);
    const fields = build(form);
    const ok = element("button", { type: "submit", class: "button", text: text(fields.okKey || "Editor.Ok") });
    const cancel = element("button", { type: "button", class: "button button-secondary", text: text("Editor.Cancel") });
    form.append(error, element("div", { class: "rich-editor-dialog-actions" }, [ok, cancel]));
    document.body.appendChild(box);
    return new Promise((resolve) => {
      let result = null;
      // Settled in the same task as close(): the "close" event comes a task later, and a key pressed in
      // between would reach the writing area before the caller had put the caret back.
      let settled = false;
      const settle = () => {
        if (settled) { return; }
        settled = true;
        box.remove();
        resolve(result);
      };
      cancel.addEventListener("click", () => { box.close(); settle(); });
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        error.textContent = "";
        ok.disabled = true;
        try {
          result = await submit(fields, (key, extra) => {
            error.textContent = text(key) + (extra ? " " + extra : "");
          });
        } finally {
          ok.disabled = false;
        }
        if (result) { box.close(); settle(); }
      });
      // Esc: closed here too, in the key's own task, rather than natively a task later.
      box.addEventListener("cancel", (event) => { event.preventDefault(); box.close(); settle(); });
      box.addEventListener("close", settle);
      box.showModal();
      if (fields.focus) { fields.focus.focus(); }
    });
  }

  function field(form, labelKey, input, hintKey) {
    input.id = input.id || nextId("field");
    const wrapper = element("div", { class: "rich-editor-field" }, [element("label", { for: input.id, text: text(labelKey) })]);
    if (hintKey) {
      const hint = element("p", { id: nextId("hint"), class: "field-hint", text: text(hintKey) });
      input.setAttribute("aria-describedby", hint.id);
      wrapper.appendChild(hint);
    }
    wrapper.appendChild(input);
    form.appendChild(wrapper);
    return input;
  }

  // Upload an image or pick one from the media library: resolves with { src, alt, caption, width, height },
  // or null when cancelled. Used for images in the text and for the cover image.
  function imageDialog(options, initialFile) {
    const { mediaUrl, uploadUrl, form: ownerForm, announce } = options;
    let picked = null;
    return dialog(options.titleKey || "Editor.ImageTitle", (form) => {
      const file = field(form, "Editor.ImageFile", element("input", { type: "file", accept: imageTypes.join(",") }));
      if (initialFile) {
        const transfer = new DataTransfer();
        transfer.items.add(initialFile);
        file.files = transfer.files;
      }
      const library = element("fieldset", { class: "rich-editor-library" }, [element("legend", { text: text("Editor.ImageLibrary") })]);
      const search = element("input", { type: "search", id: nextId("search") });
      const searchButton = element("button", { type: "button", class: "button", text: text("Editor.ImageSearch") });
      const list = element("div", { class: "rich-editor-library-items" });
      const status = element("p", { class: "field-hint", role: "status" });
      library.append(
        element("div", { class: "rich-editor-search" }, [element("label", { for: search.id, text: text("Editor.ImageSearchLabel") }), search, searchButton]),
        status, list);
      form.appendChild(library);
      const alt = field(form, "Editor.ImageAlt", element("input", { type: "text", required: "", maxlength: "500" }), "Editor.ImageAltHint");
      const caption = field(form, "Editor.ImageCaption", element("textarea", { rows: "2", maxlength: "1000" }));

      async function load() {
        if (!mediaUrl) { return; }
        status.textContent = text("Editor.Loading");
        list.replaceChildren();
        try {
          const url = new URL(mediaUrl, window.location.href);
          url.searchParams.set("kind", "image");
          if (search.value.trim()) { url.searchParams.set("q", search.value.trim()); }
          const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
          if (!response.ok) { throw new Error(String(response.status)); }
          const page = await response.json();
          status.textContent = page.items.length ? "" : text("Editor.ImageLibraryEmpty");
          const name = nextId("pick");
          page.items.forEach((item) => {
            const radio = element("input", { type: "radio", name, value: String(item.id), id: nextId("pick") });
            radio.addEventListener("change", () => {
              picked = item;
              if (!alt.value) { alt.value = item.altText || ""; }
              if (!caption.value) { caption.value = item.caption || ""; }
            });
            list.appendChild(element("div", { class: "rich-editor-library-item" }, [
              radio,
              element("label", { for: radio.id }, [
                element("img", { src: item.thumbnailUrl || item.url, alt: "", width: "96", height: "64", loading: "lazy" }),
                element("span", { text: item.altText || item.originalName }),
              ]),
            ]));
          });
        } catch {
          status.textContent = text("Editor.ImageLibraryFailed");
        }
      }

      searchButton.addEventListener("click", load);
      search.addEventListener("keydown", (event) => {
        if (event.key === "Enter") { event.preventDefault(); load(); }
      });
      file.addEventListener("change", () => {
        picked = null;
        list.querySelectorAll("input[type=radio]").forEach((radio) => { radio.checked = false; });
      });
      load();
      return { file, alt, caption, focus: file, okKey: options.okKey || "Editor.ImageInsert" };
    }, async (fields, fail) => {
      const alt = fields.alt.value.trim();
      if (!alt) { fail("Editor.ImageAltRequired"); fields.alt.focus(); return null; }
      const caption = fields.caption.value.trim();
      const chosen = fields.file.files && fields.file.files[0];
      if (picked && !chosen) {
        return { src: picked.url, alt, caption, width: picked.width, height: picked.height };
      }
      if (!chosen) { fail("Editor.ImageMissing"); fields.file.focus(); return null; }
      const body = new FormData();
      body.append("file", chosen);
      body.append("alt", alt);
      body.append("caption", caption);
      body.append("__RequestVerificationToken", tokenOf(ownerForm));
      announce("Editor.Uploading");
      try {
        const response = await fetch(uploadUrl, { method: "POST", body, credentials: "same-origin", headers: { Accept: "application/json" } });
        const answer = await response.json().catch(() => ({}));
        if (!response.ok) { fail("Editor.UploadFailed", answer.detail || ""); return null; }
        return { src: answer.url, alt, caption, width: answer.width, height: answer.height };
      } catch {
        fail("Editor.UploadFailed");
        return null;
      }
    });
  }

  // The cover image field gets a button that opens the same upload-or-pick dialog; the field stays a plain
  // text input, so without JavaScript an address can still be typed.
  function mountCoverPicker(input) {
    const status = element("p", { class: "visually-hidden", role: "status" });
    const announce = (key) => {
      status.textContent = "";
      window.setTimeout(() => { status.textContent = text(key); }, 50);
    };
    const button = element("button", { type: "button", class: "button button-secondary cover-picker", text: text("Editor.CoverPick") });
    const captionName = input.getAttribute("data-cover-caption");
    const captionField = captionName && input.form ? input.form.elements.namedItem(captionName) : null;
    button.addEventListener("click", async () => {
      const value = await imageDialog({
        mediaUrl: input.getAttribute("data-media-url"),
        uploadUrl: input.getAttribute("data-upload-url"),
        form: input.form,
        announce,
        titleKey: "Editor.CoverTitle",
        okKey: "Editor.CoverChoose",
      }, null);
      if (!value) { button.focus(); return; }
      input.value = value.src;
      if (captionField && !captionField.value) { captionField.value = value.caption || ""; }
      announce("Editor.CoverChosen");
      input.focus();
    });
    input.after(button, status);
  }

  function mount(Quill, textarea) {
    const editorForm = textarea.form;
    const uploadUrl = textarea.getAttribute("data-upload-url");
    const mediaUrl = textarea.getAttribute("data-media-url");
    const hintId = nextId("hint");
    const announcer = element("p", { class: "visually-hidden", role: "status" });
    const toolbar = element("div", { class: "rich-editor-toolbar", role: "toolbar", "aria-label": text("Editor.Toolbar") });
    const area = element("div", { class: "rich-editor-area" });
    const hint = element("p", { id: hintId, class: "rich-editor-hint", text: text("Editor.KeyboardHint") });
    const wrapper = element("div", { class: "rich-editor" }, [toolbar, area, hint, announcer]);

    const groups = [
      [["header", "2", "Editor.Heading2"], ["header", "3", "Editor.Heading3"], ["header", "4", "Editor.Heading4"]],
      [["bold", null, "Editor.Bold"], ["italic", null, "Editor.Italic"], ["underline", null, "Editor.Underline"]],
      [["list", "ordered", "Editor.OrderedList"], ["list", "bullet", "Editor.BulletList"], ["blockquote", null, "Editor.Quote"], ["link", null, "Editor.Link"]],
      [["table-insert", null, "Editor.TableInsert"], ["table-row", null, "Editor.TableRow"], ["table-column", null, "Editor.TableColumn"],
        ["table-delete-row", null, "Editor.TableDeleteRow"], ["table-delete-column", null, "Editor.TableDeleteColumn"], ["table-delete", null, "Editor.TableDelete"]],
      [["image", null, "Editor.Image"], ["clean", null, "Editor.Clean"]],
    ];
    groups.forEach((group) => {
      toolbar.appendChild(element("span", { class: "ql-formats" }, group.map(([name, value, key]) => name.startsWith("table-")
        // Quill has no icons for the table actions: their visible text is their name.
        ? element("button", { type: "button", class: "ql-" + name + " rich-editor-text-button", text: text(key) })
        : element("button", { type: "button", class: "ql-" + name, value, "aria-label": text(key), title: text(key) }))));
    });

    textarea.hidden = true;
    textarea.required = false;
    textarea.after(wrapper);

    let quill = null;
    const table = () => quill.getModule("table");
    const restore = (range) => {
      quill.focus();
      if (range) { quill.setSelection(range.index, range.length, "silent"); }
    };

    async function insertImage(file) {
      const range = quill.getSelection(true);
      const value = await imageDialog({ mediaUrl, uploadUrl, form: editorForm, announce }, file);
      restore(range);
      if (!value) { return; }
      const at = range ? range.index : quill.getLength();
      quill.insertEmbed(at, "figure", value, "user");
      quill.setSelection(at + 1, 0, "silent");
    }

    async function editLink() {
      const range = quill.getSelection(true);
      const current = range ? quill.getFormat(range).link : null;
      const url = await dialog("Editor.LinkTitle", (form) => {
        const input = field(form, "Editor.LinkUrl", element("input", { type: "text", inputmode: "url", value: current || "" }), "Editor.LinkHint");
        return { input, focus: input };
      }, async (fields, fail) => {
        const value = fields.input.value.trim();
        if (!value) { return { remove: true }; }
        const safe = safeUrl(value);
        if (!safe) { fail("Editor.LinkInvalid"); fields.input.focus(); return null; }
        return { href: safe };
      });
      restore(range);
      if (!url || !range) { return; }
      if (url.remove) {
        quill.format("link", false, "user");
      } else if (range.length === 0 && !current) {
        quill.insertText(range.index, url.href, "link", url.href, "user");
        quill.setSelection(range.index + url.href.length, 0, "silent");
      } else {
        quill.format("link", url.href, "user");
      }
    }

    async function insertTable() {
      const range = quill.getSelection(true);
      const size = await dialog("Editor.TableTitle", (form) => {
        const rows = field(form, "Editor.TableRows", element("input", { type: "number", min: "1", max: "50", value: "3", required: "" }));
        const columns = field(form, "Editor.TableColumns", element("input", { type: "number", min: "1", max: "12", value: "3", required: "" }));
        return { rows, columns, focus: rows, okKey: "Editor.TableInsert" };
      }, async (fields, fail) => {
        const rows = Number(fields.rows.value);
        const columns = Number(fields.columns.value);
        if (!Number.isInteger(rows) || rows < 1 || rows > 50 || !Number.isInteger(columns) || columns < 1 || columns > 12) {
          fail("Editor.TableInvalid");
          return null;
        }
        return { rows, columns };
      });
      restore(range);
      if (size) { table().insertTable(size.rows, size.columns); }
    }

    function inTable(action) {
      return function () {
        if (!quill.getFormat().table) { announce("Editor.NotInTable"); return; }
        action();
      };
    }

    function announce(key) {
      announcer.textContent = "";
      window.setTimeout(() => { announcer.textContent = text(key); }, 50);
    }

    quill = new Quill(area, {
      theme: "snow",
      formats,
      placeholder: textarea.getAttribute("placeholder") || "",
      modules: {
        table: true,
        clipboard: { matchers: clipboardMatchers(Quill) },
        uploader: { mimetypes: imageTypes, handler: (range, files) => { insertImage(files[0]); } },
        toolbar: {
          container: toolbar,
          handlers: {
            link: editLink,
            image: () => { insertImage(null); },
            "table-insert": insertTable,
            "table-row": inTable(() => table().insertRowBelow()),
            "table-column": inTable(() => table().insertColumnRight()),
            "table-delete-row": inTable(() => table().deleteRow()),
            "table-delete-column": inTable(() => table().deleteColumn()),
            "table-delete": inTable(() => table().deleteTable()),
          },
        },
      },
    });

    // Snow's own link tooltip is English-only and mouse-first; the link dialog above replaces it.
    if (quill.theme.tooltip) { quill.theme.tooltip.root.remove(); }
    toolbar.querySelectorAll("svg").forEach((svg) => svg.setAttribute("aria-hidden", "true"));

    const root = quill.root;
    root.setAttribute("role", "textbox");
    root.setAttribute("aria-multiline", "true");
    root.setAttribute("aria-describedby", [hintId, textarea.getAttribute("aria-describedby")].filter(Boolean).join(" "));
    const label = textarea.id ? document.querySelector("label[for='" + textarea.id + "']") : null;
    if (label) {
      label.id = label.id || nextId("label");
      root.setAttribute("aria-labelledby", label.id);
      label.addEventListener("click", () => quill.focus());
    } else {
      root.setAttribute("aria-label", text("Editor.Area"));
    }

    quill.setContents(quill.clipboard.convert({ html: textarea.value }), "silent");
    quill.history.clear();
    if (textarea.matches(":disabled")) {
      quill.disable();
      toolbar.querySelectorAll("button").forEach((button) => { button.disabled = true; });
    }

    // Quill uses Tab to indent: Esc, then Tab (or Shift+Tab), leaves the editor.
    let leaving = false;
    wrapper.addEventListener("keydown", (event) => {
      if (event.target !== root) { return; }
      if (event.key === "Escape") {
        leaving = true;
        announce("Editor.LeaveReady");
        return;
      }
      if (event.key === "Tab" && leaving) {
        leaving = false;
        event.stopPropagation();
        return;
      }
      if (!["Shift", "Control", "Alt", "Meta"].includes(event.key)) { leaving = false; }
    }, true);
    root.addEventListener("blur", () => { leaving = false; });

    const html = () => {
      if (quill.getLength() <= 1 && !root.querySelector("figure, table")) { return ""; }
      // Quill 2.0.3 writes every space as &nbsp; (typed no-break spaces stay the character U+00A0).
      const output = document.createElement("template");
      // Quill escapes quotes in its text, so style="…" is an attribute (the table's border), dropped before parsing.
      output.innerHTML = withoutInlineStyles(quill.getSemanticHTML().replaceAll("&nbsp;", " "));
      // Quill's own attributes (table borders, row ids, contenteditable) mean nothing to readers; the server drops them too.
      output.content.querySelectorAll("*").forEach((node) => {
        Array.from(node.attributes).forEach((attribute) => {
          if (!keptAttributes.has(attribute.name)) { node.removeAttribute(attribute.name); }
        });
      });
      output.content.querySelectorAll("span").forEach((span) => span.replaceWith(...span.childNodes));
      return output.innerHTML;
    };
    let timer = 0;
    const sync = () => {
      window.clearTimeout(timer);
      textarea.value = html();
    };
    quill.on("text-change", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(sync, 300);
    });
    if (editorForm) {
      editorForm.addEventListener("submit", sync);
      editorForm.addEventListener("formdata", sync);
    }

    wrapper.classList.add("is-ready");
    textarea.richEditor = quill;
  }

  covers.forEach(mountCoverPicker);
  if (areas.length === 0) { return; }
  loadQuill().then((Quill) => {
    registerClipboard(Quill);
    registerFigure(Quill);
    areas.forEach((textarea) => mount(Quill, textarea));
  }).catch(() => {
    // Without Quill the textarea stays as it is: HTML still works.
  });
})();
