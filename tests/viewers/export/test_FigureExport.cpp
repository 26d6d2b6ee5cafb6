// Figure export: PNG with the size its DPI implies, SVG that parses with one image per panel
// and the titles as text, a valid PDF; a bad path names the file.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "export/FigureExport.h"
#include "layout/ComparisonView.h"
#include "test_support.h"
#include "tiss/util/version.h"

using namespace tiss;
using namespace tiss::viewers;

class TestFigureExport : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  ComparisonView view_;
  std::vector<const SliceView*> panels_;

 private Q_SLOTS:
  void initTestCase() {
    auto images = std::make_shared<CaseImages>();
    auto v = testsupport::blank({60, 40, 10}, {1, 1, 1});  // 60 x 40 mm axial slices
    for (size_t i = 0; i < v.voxels.size(); ++i) v.voxels[i] = float(i % 50);
    images->geometry = v.geometry;
    images->volumes["real"] = std::make_shared<const Volume>(v);
    images->volumes["synth"] = std::make_shared<const Volume>(v);
    view_.display(images, synthesisLayout("real", "synth"));
    for (auto* p : view_.panels()) panels_.push_back(p);
    QCOMPARE(panels_.size(), size_t(3));
  }

  void pngHasTheSizeItsDpiImplies() {
    FigureOptions o;
    o.widthMm = 127;  // 5 inches
    o.dpi = 200;
    const QString path = dir_.path() + "/fig.png";
    QVERIFY(exportFigure(panels_, 3, path, o).ok());
    const QImage img(path);
    QCOMPARE(img.width(), 1000);
    // Three 60 x 40 mm panels in a row: height = width / 3 * 40 / 60.
    QCOMPARE(img.height(), 222);
    QCOMPARE(img.dotsPerMeterX(), 7874);  // 200 dpi
    QCOMPARE(img.text("Software"), QString("TISS Workbench ") + tiss::version());  // the version made it
    QCOMPARE(figurePixels(panels_, 3, o), img.size());
    // Two columns: two rows.
    QCOMPARE(figurePixels(panels_, 2, o), QSize(1000, 667));
  }

  void svgParsesWithOneImagePerPanelAndTheTitles() {
    const QString path = dir_.path() + "/fig.svg";
    QVERIFY(exportFigure(panels_, 3, path, FigureOptions{}).ok());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&f);
    int images = 0;
    QString text;
    bool root = false;
    while (!xml.atEnd()) {
      if (xml.readNext() != QXmlStreamReader::StartElement) continue;
      if (xml.name() == QLatin1String("svg")) root = true;
      if (xml.name() == QLatin1String("image")) ++images;
      if (xml.name() == QLatin1String("text")) text += xml.readElementText(QXmlStreamReader::IncludeChildElements) + "|";
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(root);
    QCOMPARE(images, 3 + 1);  // the three slices and the difference panel's colour bar
    QVERIFY2(text.contains("Synthesized target"), qPrintable(text));
    QVERIFY(text.contains("mm"));  // scale bars
  }

  void pdfIsAValidNonEmptyPdf() {
    const QString path = dir_.path() + "/fig.pdf";
    QVERIFY(exportFigure(panels_, 3, path, FigureOptions{}).ok());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QVERIFY(bytes.trimmed().endsWith("%%EOF"));
    QVERIFY(bytes.size() > 2000);
  }

  void labelsCanBeLeftOut() {
    FigureOptions o;
    o.labels = false;
    o.scaleBar = false;
    o.colorBars = false;
    const QString path = dir_.path() + "/plain.svg";
    QVERIFY(exportFigure(panels_, 3, path, o).ok());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray svg = f.readAll();
    QVERIFY(!svg.contains("Synthesized target"));
  }

  void badPathsAndFormatsNameTheFile() {
    const auto st = exportFigure(panels_, 3, dir_.path() + "/missing/fig.png", FigureOptions{});
    QVERIFY(!st.ok());
    QVERIFY(QString::fromStdString(st.error().file).endsWith("missing/fig.png"));
    QVERIFY(!exportFigure(panels_, 3, dir_.path() + "/fig.bmpx", FigureOptions{}).ok());
  }
};

QTEST_MAIN(TestFigureExport)
#include "test_FigureExport.moc"
