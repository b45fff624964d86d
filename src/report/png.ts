import { Resvg } from "@resvg/resvg-js";

/** The font every figure is rasterized with (Debian package fonts-dejavu-core). */
export const PNG_FONT = "DejaVu Sans";

/**
 * Rasterize an SVG string to PNG bytes with resvg, mapping every family (including Plot's
 * `system-ui, sans-serif`) to {@link PNG_FONT}. `scale` multiplies the SVG's pixel size.
 */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: {
      loadSystemFonts: true,
      defaultFontFamily: PNG_FONT,
      sansSerifFamily: PNG_FONT,
    },
  });
  return resvg.render().asPng();
}
