// Curves: the smoothing is TensorBoard's debiased EMA; every point is kept (100 000 per term)
// while drawing samples adaptively; per-curve toggles, log scale, readout and export work.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "dashboard/CurvePlot.h"
#include "qcustomplot.h"

using namespace tiss::ui;

class TestCurvePlot : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private Q_SLOTS:
  void emaMatchesAHandComputation() {
    const auto s = CurvePlot::ema({1, 0, 0}, 0.5);
    QCOMPARE(s[0], 1.0);
    QCOMPARE(s[1], 0.25 / 0.75);
    QCOMPARE(s[2], 0.125 / 0.875);
    QCOMPARE(CurvePlot::ema({3, 4}, 0), QVector<double>({3, 4}));
  }

  void keepsEveryPointOfLongCurves() {
    CurvePlot plot;
    Series s;
    for (int i = 1; i <= 100000; ++i) s.add(i, 1.0 / i);
    plot.setCurve("total", s, Qt::blue);
    plot.resize(800, 400);
    plot.rescale();
    QCOMPARE(plot.plotted("total").steps.size(), 100000);
    QCOMPARE(plot.plotted("total").values.last(), 1e-5);
    QCOMPARE(plot.smoothed("total").size(), 100000);
    // Drawing samples adaptively: a 800-pixel plot does not draw 100 000 segments.
    QVERIFY(plot.plot()->graph(0)->adaptiveSampling());
    const QImage img = plot.grab().toImage();
    QVERIFY(!img.isNull());
  }

  void togglesLogScaleAndReadout() {
    CurvePlot plot;
    Series a, b;
    for (int i = 1; i <= 10; ++i) a.add(i, i * 10.0), b.add(i, 1.0);
    plot.setCurve("total", a, Qt::blue);
    plot.setCurve("coarse", b, Qt::red);
    plot.setSmoothing(0);
    plot.resize(600, 300);
    plot.rescale();
    plot.plot()->replot();
    const int x = int(plot.plot()->xAxis->coordToPixel(5));
    const QString readout = plot.readoutAt(QPoint(x, 100));
    QVERIFY2(readout.contains("step 5"), qPrintable(readout));
    QVERIFY(readout.contains("total: 50"));
    plot.setCurveVisible("coarse", false);
    QVERIFY(!plot.readoutAt(QPoint(x, 100)).contains("coarse"));
    plot.setLogScale(true);
    QCOMPARE(plot.plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
  }

  void exportsPngSvgPdf() {
    CurvePlot plot;
    Series s;
    for (int i = 1; i <= 50; ++i) s.add(i, std::sin(i / 5.0));
    plot.setCurve("total", s, Qt::blue);
    plot.resize(400, 300);
    plot.rescale();
    for (const char* ext : {"png", "svg", "pdf"}) {
      const QString path = dir_.path() + "/plot." + ext;
      QVERIFY2(plot.save(path), ext);
      QVERIFY(QFile(path).size() > 500);
    }
    QFile pdf(dir_.path() + "/plot.pdf");
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY(!plot.save(dir_.path() + "/plot.bmpx"));
  }
};

QTEST_MAIN(TestCurvePlot)
#include "test_CurvePlot.moc"
