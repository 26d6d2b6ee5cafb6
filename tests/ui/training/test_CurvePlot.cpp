// Curves: the smoothing is TensorBoard's debiased EMA; every point is kept (100 000 per term)
// while drawing samples adaptively; per-curve toggles, log scale, readout and export work.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "training/CurvePlot.h"
#include "training/LossGrid.h"
#include "qcustomplot.h"

using namespace tiss::ui;

namespace {

bool disjoint(const QList<QRect>& rects) {
  for (int i = 0; i < rects.size(); ++i)
    for (int j = i + 1; j < rects.size(); ++j)
      if (rects[i].intersects(rects[j])) return false;
  return true;
}

QString describe(const QList<QRect>& rects) {
  QStringList parts;
  for (const QRect& r : rects) parts << QString("(%1,%2 %3x%4)").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
  return parts.join(' ');
}

}  // namespace

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

  void aSingleValidationPointIsDrawn() {
    CurvePlot plot;
    plot.setSmoothing(0);
    plot.setMarkers(true);
    Series s;
    s.add(100, 81.5);
    plot.setCurve("Dice (%)", s, Qt::red);
    plot.resize(400, 250);
    plot.show();
    plot.refreshView();
    plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
    const QCPGraph* drawn = plot.plot()->graph(1);  // the smoothed graph carries the markers
    QVERIFY(drawn->scatterStyle().shape() != QCPScatterStyle::ssNone);
    QCOMPARE(drawn->dataCount(), 1);
    const QCPRange x = plot.plot()->xAxis->range(), y = plot.plot()->yAxis->range();
    QVERIFY2(x.contains(100) && x.size() > 0 && x.size() < 100, qPrintable(QString("%1..%2").arg(x.lower).arg(x.upper)));
    QVERIFY2(y.contains(81.5) && y.size() > 1 && y.size() < 40, qPrintable(QString("%1..%2").arg(y.lower).arg(y.upper)));
  }

  void learningRateTicksAreReadableAndApart() {
    // A constant learning rate, then one that decays: neither a flat 0 on -2..2 nor labels on labels.
    for (const bool decaying : {false, true})
      for (const QSize size : {QSize(160, 150), QSize(240, 150), QSize(420, 200), QSize(900, 300)}) {
        CurvePlot plot;
        plot.setSmoothing(0);
        plot.setScientific(true);
        Series lr;
        for (int i = 1; i <= 150000; i += 50) lr.add(i, decaying && i > 75000 ? 2e-4 * (150000 - i) / 75000.0 : 2e-4);
        plot.setCurve("learning rate", lr, Qt::blue);
        plot.resize(size);
        plot.show();
        plot.refreshView();
        plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
        plot.refreshView();  // the second refresh knows the laid-out axis rect, as a live dashboard does
        plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
        const QCPRange y = plot.plot()->yAxis->range();
        QVERIFY2(y.contains(2e-4) && y.upper < 1e-3 && (decaying || y.lower > 0), qPrintable(QString("%1..%2").arg(y.lower).arg(y.upper)));
        const QList<QRect> xs = plot.tickLabelRects(true), ys = plot.tickLabelRects(false);
        // A 160 px chart has room for one iteration label; wider ones for several, never touching.
        QVERIFY2(xs.size() >= (size.width() < 200 ? 1 : 2) && disjoint(xs), qPrintable(describe(xs)));
        QVERIFY2(ys.size() >= 2 && disjoint(ys), qPrintable(describe(ys)));
      }
  }

  void eachTermGetsItsOwnRange() {
    LossGrid grid;
    Series small, large;
    for (int i = 1; i <= 200; ++i) {
      small.add(i, 0.02 + 0.001 * (i % 7));
      large.add(i, 80 - 0.1 * i);
    }
    grid.plot("syn_g_l1")->setCurve("syn_g_l1", small, Qt::blue);
    grid.plot("discriminator")->setCurve("discriminator", large, Qt::red);
    grid.resize(900, 400);
    grid.show();
    grid.refreshView();
    const QCPRange a = grid.plot("syn_g_l1")->plot()->yAxis->range(), b = grid.plot("discriminator")->plot()->yAxis->range();
    QVERIFY2(a.upper < 0.05 && a.lower > 0.01, qPrintable(QString("%1..%2").arg(a.lower).arg(a.upper)));
    QVERIFY2(b.lower > 50 && b.upper < 90, qPrintable(QString("%1..%2").arg(b.lower).arg(b.upper)));
    QCOMPARE(grid.terms().size(), 2);
    grid.setTermVisible("syn_g_l1", false);
    QVERIFY(grid.plot("syn_g_l1")->isHidden());
  }

  void growingCurvesAreAppendedExactly() {
    // The incremental path gives the same raw points and moving average as a full rebuild.
    Series s;
    for (int i = 1; i <= 1000; ++i) s.add(i, std::sin(0.01 * i) + 0.001 * i);
    CurvePlot grown, rebuilt;
    grown.setCurve("total", s, Qt::blue);
    for (int i = 1001; i <= 1100; ++i) s.add(i, std::cos(0.02 * i));
    grown.setCurve("total", s, Qt::blue);
    rebuilt.setCurve("total", s, Qt::blue);
    QCOMPARE(grown.plotted("total").steps, rebuilt.plotted("total").steps);
    const QVector<double> a = grown.smoothed("total"), b = rebuilt.smoothed("total");
    QCOMPARE(a.size(), 1100);
    for (int i = 0; i < a.size(); ++i) QVERIFY(std::abs(a[i] - b[i]) < 1e-12);
    // A resumed run that redid steps replaces the curve: the first values differ now.
    Series redone;
    for (int i = 1; i <= 900; ++i) redone.add(i, 5.0);
    grown.setCurve("total", redone, Qt::blue);
    QCOMPARE(grown.plotted("total").steps.size(), 900);
    QCOMPARE(grown.smoothed("total").last(), 5.0);
  }
};

QTEST_MAIN(TestCurvePlot)
#include "test_CurvePlot.moc"
