// @ts-check
/**
 * typedoc plugin: every exported declaration gets the `@category` of its layer (DESIGN.md: folders
 * are layers), taken from its source path — src/math → Math, src/kinetic → Kinetic, … — unless its
 * doc comment names a category itself. A re-export (the root module `boltzlab` re-exports the
 * layers) is categorised by the declaration it points to. The categories can therefore not drift
 * from the folder layout, and the root page lists the whole API by layer.
 */
import { Comment, CommentTag, Converter, ReflectionKind } from "typedoc";

const LAYERS = {
  math: "Math",
  kinetic: "Kinetic",
  construction: "Construction",
  claims: "Claims",
  solvers: "Solvers",
  parallel: "Parallel (Node)",
  report: "Report (Node)",
};

/** @param {import("typedoc").Reflection} r */
function layerOf(r) {
  const target = r.isReference() ? r.tryGetTargetReflectionDeep() : r;
  const file = target && "sources" in target ? target.sources?.[0]?.fileName : undefined;
  const m = file ? /(?:^|\/)src\/([^/]+)\//.exec(file) : null;
  return m ? LAYERS[/** @type {keyof typeof LAYERS} */ (m[1])] : undefined;
}

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.converter.on(
    Converter.EVENT_RESOLVE_END,
    (context) => {
      for (const r of Object.values(context.project.reflections)) {
        if (!r.parent?.kindOf(ReflectionKind.SomeModule)) continue;
        const layer = layerOf(r);
        if (!layer) continue;
        const comment = r.comment ?? new Comment();
        if (comment.blockTags.some((t) => t.tag === "@category")) continue;
        comment.blockTags.push(new CommentTag("@category", [{ kind: "text", text: layer }]));
        r.comment = comment;
      }
    },
    100,
  );
}
