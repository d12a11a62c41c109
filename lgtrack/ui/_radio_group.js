// A labelled WAI-ARIA radio group of native radio buttons. They share one name, so the browser
// itself makes the group one Tab stop, moves (and checks) the choice with the arrow keys, and
// announces the checked one; ipywidgets' RadioButtons gives its radios no name, so each is a
// group of its own and the arrow keys do nothing.
let groups = 0;

function render({ model, el }) {
  const group = document.createElement("div");
  group.setAttribute("role", "radiogroup");
  group.className = "lg-radio-group";
  const name = `lg-radio-${Date.now().toString(36)}-${groups++}`;

  const check = () => {
    const index = model.get("index");
    const disabled = model.get("disabled");
    group.querySelectorAll("input").forEach((radio, i) => {
      radio.checked = i === index;
      radio.disabled = disabled;
    });
  };
  const draw = () => {
    group.setAttribute("aria-label", model.get("label"));
    group.replaceChildren(
      ...model.get("labels").map((text, index) => {
        const label = document.createElement("label");
        label.className = "lg-radio";
        const radio = document.createElement("input");
        radio.type = "radio";
        radio.name = name;
        radio.value = String(index);
        label.append(radio, document.createTextNode(text));
        return label;
      }),
    );
    check();
  };
  const choose = (event) => {
    model.set("index", Number(event.target.value));
    model.save_changes();
  };

  group.addEventListener("change", choose);
  model.on("change:labels", draw);
  model.on("change:label", draw);
  model.on("change:index", check);
  model.on("change:disabled", check);
  draw();
  el.appendChild(group);
  return () => {
    model.off("change:labels", draw);
    model.off("change:label", draw);
    model.off("change:index", check);
    model.off("change:disabled", check);
  };
}

export default { render };
