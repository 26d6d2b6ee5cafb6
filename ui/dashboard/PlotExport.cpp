#include "dashboard/PlotExport.h"

#include <QFileInfo>
#include <QSvgGenerator>

#include "qcustomplot.h"

namespace tiss::ui {

bool savePlot(QCustomPlot* plot, const QString& path, int width, int height) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == "png") return plot->savePng(path, width, height, 2.0);
  if (suffix == "pdf") return plot->savePdf(path, width, height);
  if (suffix == "svg") {
    const QSize size = width > 0 && height > 0 ? QSize(width, height) : plot->size();
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    QCPPainter painter;
    if (!painter.begin(&svg)) return false;
    plot->toPainter(&painter, size.width(), size.height());
    painter.end();
    return QFileInfo(path).size() > 0;
  }
  return false;
}

}  // namespace tiss::ui
