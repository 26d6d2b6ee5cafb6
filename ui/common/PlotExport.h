#pragma once
/// Writes a QCustomPlot as .png (at 2x), .pdf or .svg, by the file's suffix; false when the
/// suffix is unknown or the file could not be written. Shared by every plot of the dashboard.
#include <QString>

class QCustomPlot;

namespace tiss::ui {

/// `width` x `height` pixels (PNG at 2x of that), or the widget's size when 0.
bool savePlot(QCustomPlot* plot, const QString& path, int width = 0, int height = 0);

}  // namespace tiss::ui
