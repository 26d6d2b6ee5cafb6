// The paper-figure builder: one row per case on its largest tumor slice, ground truth in
// yellow and the result in green, exported as one figure of rows x columns.
#include <QTemporaryDir>
#include <QTest>

#include "export/PaperFigure.h"
#include "test_support.h"
#include "tiss/io/preview.h"

using namespace tiss;
using namespace tiss::viewers;

namespace {

// A case whose tumor is a box at slices [z0, z0 + 3) and whose result is the box shifted by 2.
CaseImages makeCase(const QString& id, long z0) {
  CaseImages c;
  c.caseId = id;
  auto t1 = testsupport::blank({30, 20, 12});
  for (size_t i = 0; i < t1.voxels.size(); ++i) t1.voxels[i] = float(i % 13);
  auto truth = testsupport::blank({30, 20, 12});
  testsupport::fill(truth, {{8, 6, z0}, {10, 8, 3}});
  truth.at(9, 7, 0) = 1;  // a speck elsewhere: the largest slice must still win
  auto result = testsupport::blank({30, 20, 12});
  testsupport::fill(result, {{10, 6, z0}, {10, 8, 3}});
  c.geometry = t1.geometry;
  c.volumes["t1"] = std::make_shared<const Volume>(t1);
  c.volumes["seg"] = std::make_shared<const Volume>(truth);
  c.volumes["run/yf"] = std::make_shared<const Volume>(result);
  return c;
}

}  // namespace

class TestPaperFigure : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  PaperFigureSpec spec_;
  std::function<Result<CaseImages>(const QString&)> load_ = [](const QString& id) -> Result<CaseImages> {
    if (id == "A") return makeCase("A", 2);
    if (id == "B") return makeCase("B", 7);
    return makeError(id.toStdString(), "no such case");
  };

 private Q_SLOTS:
  void init() {
    spec_ = PaperFigureSpec{};
    spec_.cases = {"A", "B"};
    spec_.columns = {{"T1", "t1", {}, {}}, {"TISS-Net", "t1", "run/yf", {}}};
  }

  void rowsUseTheLargestTumorSliceAndThePapersColours() {
    auto fig = PaperFigure::build(spec_, load_);
    QVERIFY2(fig.ok(), fig.ok() ? "" : fig.error().describe().c_str());
    QCOMPARE((*fig)->slices(), (std::vector<long>{2, 7}));  // each box's slices tie: the first one
    const auto panels = (*fig)->panels();
    QCOMPARE(panels.size(), size_t(4));
    const QImage result = panels[1]->composed();
    // Truth's left edge (x = 8) yellow; the result's right edge (x = 19) green; inside both: image.
    QCOMPARE(result.pixel(8, 10), QColor(255, 220, 0).rgb());
    QCOMPARE(result.pixel(19, 10), QColor(40, 220, 80).rgb());
    QVERIFY(panels[0]->layers().labels.empty());  // image-only column: no contour by default
  }

  void fixedSliceRule() {
    spec_.largestTumorSlice = false;
    spec_.fixedSlice = 5;
    auto fig = PaperFigure::build(spec_, load_);
    QVERIFY(fig.ok());
    QCOMPARE((*fig)->slices(), (std::vector<long>{5, 5}));
  }

  void exportsOneFigureOfRowsAndColumns() {
    auto fig = PaperFigure::build(spec_, load_);
    QVERIFY(fig.ok());
    FigureOptions o;
    o.widthMm = 50.8;  // 2 inches
    o.dpi = 150;
    const QString png = dir_.path() + "/figure.png";
    QVERIFY((*fig)->exportTo(png, o).ok());
    const QImage img(png);
    QCOMPARE(img.width(), 300);
    QCOMPARE(img.height(), 200);  // 2 rows of 150 px wide, 30 x 20 mm panels
    QVERIFY((*fig)->exportTo(dir_.path() + "/figure.pdf", o).ok());
  }

  void missingCasesAndKeysAreNamed() {
    spec_.cases = {"A", "C"};
    auto fig = PaperFigure::build(spec_, load_);
    QVERIFY(!fig.ok());
    QCOMPARE(QString::fromStdString(fig.error().file), QString("C"));
    spec_.cases = {"A"};
    spec_.columns.push_back({"other", "t1", "other/yf", {}});
    fig = PaperFigure::build(spec_, load_);
    QVERIFY(!fig.ok());
    QVERIFY(QString::fromStdString(fig.error().message).contains("other/yf"));
  }
};

QTEST_MAIN(TestPaperFigure)
#include "test_PaperFigure.moc"
