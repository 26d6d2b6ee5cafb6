#pragma once
/// Figures of slice panels: the panels of a layout (or of the paper-figure builder) in a grid,
/// written as PNG at a chosen DPI, SVG or PDF, chosen by the file's extension.
#include <QString>

#include <vector>

#include "slice/SliceView.h"
#include "tiss/util/result.h"

namespace tiss::viewers {

struct FigureOptions {
  double widthMm = 180;  ///< printed width; the height follows the panels' aspect
  double dpi = 300;      ///< PNG pixels per inch (also stored in the PNG)
  bool labels = true;    ///< panel titles and captions
  bool colorBars = true; ///< for panels that have one
  bool scaleBar = true;
};

/// Pixel size of a PNG of `options` for `panels` in `columns` columns.
QSize figurePixels(const std::vector<const SliceView*>& panels, int columns, const FigureOptions& options);

/// Writes `panels` (row by row, `columns` per row) to `path` (.png, .svg or .pdf). The error
/// names the file when it cannot be written or the extension is unknown.
Status exportFigure(const std::vector<const SliceView*>& panels, int columns, const QString& path,
                    const FigureOptions& options);

/// "TISS Workbench 0.1.0": the software every exported figure and plot names (PNG text chunk
/// "Software", SVG description, PDF creator).
QString exportSoftware();

}  // namespace tiss::viewers
