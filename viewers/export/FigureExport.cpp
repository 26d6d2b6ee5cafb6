#include "export/FigureExport.h"

#include <QBuffer>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <cmath>

#include "tiss/util/atomic_file.h"
#include "tiss/util/version.h"

namespace tiss::viewers {
namespace {

constexpr double kMmPerInch = 25.4;

// Width/height of one cell: the first panel's physical aspect, so no panel is distorted.
double cellAspect(const std::vector<const SliceView*>& panels) {
  const QSizeF mm = panels.front()->physicalSize();
  return mm.height() / mm.width();
}

// Paints every panel into a canvas of `size` device units.
void paint(QPainter& painter, const std::vector<const SliceView*>& panels, int columns, const QSizeF& size,
           const FigureOptions& o) {
  const int rows = int((panels.size() + size_t(columns) - 1) / size_t(columns));
  const double w = size.width() / columns, h = size.height() / rows;
  painter.fillRect(QRectF(QPointF(0, 0), size), Qt::black);
  for (size_t i = 0; i < panels.size(); ++i) {
    const QRectF cell(double(i % size_t(columns)) * w, double(i / size_t(columns)) * h, w, h);
    PanelDecor decor = panels[i]->decor();
    decor.crosshair = false;
    decor.labels = decor.labels && o.labels;
    decor.colorBar = decor.colorBar && o.colorBars;
    decor.scaleBar = decor.scaleBar && o.scaleBar;
    panels[i]->paintPanel(painter, cell.adjusted(1, 1, -1, -1), decor);
  }
}

}  // namespace

QSize figurePixels(const std::vector<const SliceView*>& panels, int columns, const FigureOptions& o) {
  if (panels.empty()) return {};
  const int rows = int((panels.size() + size_t(columns) - 1) / size_t(columns));
  const int width = int(std::lround(o.widthMm / kMmPerInch * o.dpi));
  return {width, int(std::lround(double(width) / columns * cellAspect(panels) * rows))};
}

Status exportFigure(const std::vector<const SliceView*>& panels, int columns, const QString& path, const FigureOptions& o) {
  const std::string file = path.toStdString();
  if (panels.empty() || columns < 1) return makeError(file, "there is no panel to export");
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix != "png" && suffix != "svg" && suffix != "pdf") return makeError(file, "unknown figure format: use .png, .svg or .pdf");
  const QSize px = figurePixels(panels, columns, o);
  // Drawn in memory, then written atomically (a failed write leaves the earlier file).
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  bool drawn = false;
  if (suffix == "png") {
    QImage img(px, QImage::Format_RGB32);
    img.setDotsPerMeterX(int(std::lround(o.dpi / kMmPerInch * 1000)));
    img.setDotsPerMeterY(img.dotsPerMeterX());
    QPainter painter(&img);
    paint(painter, panels, columns, px, o);
    painter.end();
    img.setText("Software", exportSoftware());
    drawn = img.save(&buffer, "PNG");
  }
  // Vector formats keep the same layout at 96 units per inch; slices are embedded images.
  const QSizeF units(o.widthMm / kMmPerInch * 96, o.widthMm / kMmPerInch * 96 * double(px.height()) / px.width());
  if (suffix == "svg") {
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(units.toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), units));
    svg.setResolution(96);
    svg.setTitle("TISS Workbench figure");
    svg.setDescription(exportSoftware());
    QPainter painter;
    if ((drawn = painter.begin(&svg))) paint(painter, panels, columns, units, o), painter.end();
  }
  if (suffix == "pdf") {
    QPdfWriter pdf(&buffer);
    pdf.setPageSize(QPageSize(QSizeF(o.widthMm, o.widthMm * double(px.height()) / px.width()), QPageSize::Millimeter));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setResolution(96);
    pdf.setCreator(exportSoftware());
    QPainter painter;
    if ((drawn = painter.begin(&pdf))) paint(painter, panels, columns, units, o), painter.end();
  }
  buffer.close();
  if (!drawn || bytes.isEmpty()) return makeError(file, "the figure could not be drawn");
  return writeFileAtomically(file, std::string(bytes.constData(), size_t(bytes.size())));
}

QString exportSoftware() { return QStringLiteral("TISS Workbench ") + QString::fromLatin1(tiss::version()); }

}  // namespace tiss::viewers
