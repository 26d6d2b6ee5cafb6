#include "common/PlotExport.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QPdfWriter>
#include <QSvgGenerator>

#include "qcustomplot.h"
#include "tiss/util/atomic_file.h"
#include "export/FigureExport.h"

namespace tiss::ui {
namespace {

// Vector formats: the plot painted at `size` units (1 unit = 1 pt for PDF).
bool paintVector(QCustomPlot* plot, QPaintDevice* device, const QSize& size) {
  QCPPainter painter;
  if (!painter.begin(device)) return false;
  painter.setMode(QCPPainter::pmVectorized);
  painter.setMode(QCPPainter::pmNoCaching);
  plot->toPainter(&painter, size.width(), size.height());
  return painter.end();
}

}  // namespace

bool savePlot(QCustomPlot* plot, const QString& path, int width, int height) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  const QSize size = width > 0 && height > 0 ? QSize(width, height) : plot->size();
  // Drawn in memory, then written atomically: a failed export leaves no partial file and
  // never replaces a good one.
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  bool drawn = false;
  if (suffix == "png") {
    QImage image = plot->toPixmap(size.width(), size.height(), 2.0).toImage();
    image.setText("Software", viewers::exportSoftware());  // every export names the program and version
    drawn = image.save(&buffer, "PNG");
  } else if (suffix == "pdf") {
    QPdfWriter pdf(&buffer);
    pdf.setResolution(72);
    pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setCreator(viewers::exportSoftware());
    drawn = paintVector(plot, &pdf, size);
  } else if (suffix == "svg") {
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setDescription(viewers::exportSoftware());
    drawn = paintVector(plot, &svg, size);
  }
  buffer.close();
  if (!drawn || bytes.isEmpty()) return false;
  return writeFileAtomically(path.toStdString(), std::string(bytes.constData(), size_t(bytes.size()))).ok();
}

}  // namespace tiss::ui
