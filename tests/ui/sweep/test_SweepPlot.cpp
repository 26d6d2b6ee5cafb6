// SweepPlot: the Fig. 6 style series with error bars, categorical ticks, the heat map's
// cells, and PNG / SVG / PDF exports.
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include "qcustomplot.h"
#include "sweep/SweepPlot.h"

using namespace tiss;
using tiss::ui::SweepPlot;

class TestSweepPlot : public QObject {
  Q_OBJECT
 private slots:
  void seriesWithErrorBars() {
    SweepPlot plot;
    std::vector<SeriesPoint> points(3);
    const double x[] = {0, 15, 25}, mean[] = {80, 85, 86}, sd[] = {5, 3, 2};
    for (int i = 0; i < 3; ++i) {
      points[size_t(i)].x = x[i];
      points[size_t(i)].name = std::to_string(int(x[i]));
      points[size_t(i)].summary.mean = mean[i];
      points[size_t(i)].summary.sd = sd[i];
      points[size_t(i)].summary.n = 4;
    }
    plot.showSeries(points, "loss.lambda_p", "Dice (%)");
    QCOMPARE(plot.seriesX(), QVector<double>({0, 15, 25}));
    QCOMPARE(plot.seriesMean(), QVector<double>({80, 85, 86}));
    QCOMPARE(plot.errorBars(), QVector<double>({5, 3, 2}));
    QVERIFY(!plot.showsHeatMap());
  }

  void panelsSideBySideShareTheirYRange() {
    SweepPlot plot;
    auto series = [](double base) {
      std::vector<SeriesPoint> points(2);
      for (int i = 0; i < 2; ++i) {
        points[size_t(i)].x = i;
        points[size_t(i)].name = std::to_string(i);
        points[size_t(i)].summary.mean = base + i;
        points[size_t(i)].summary.sd = 1;
      }
      return points;
    };
    plot.showPanels({{"loss.lambda_p", series(10)}, {"loss.lambda_c", series(50)}, {"loss.lambda_s", series(30)}}, "Dice (%)");
    QCOMPARE(plot.panelCount(), 3);
    QCOMPARE(plot.seriesMean(), QVector<double>({10, 11}));  // the first panel
    const auto* last = plot.plot()->plotLayout()->element(0, 2);
    QVERIFY(last);
    const QCPRange y0 = plot.plot()->yAxis->range();
    const QCPRange y2 = static_cast<const QCPAxisRect*>(last)->axis(QCPAxis::atLeft)->range();
    QCOMPARE(y0.lower, y2.lower);
    QCOMPARE(y0.upper, y2.upper);
    QVERIFY(y0.lower < 9 && y0.upper > 52);  // every panel's mean ± sd fits
    plot.showSeries(series(0), "x", "Dice (%)");
    QCOMPARE(plot.panelCount(), 1);
    QCOMPARE(plot.plot()->plotLayout()->elementCount(), 1);
  }

  void heatMapCells() {
    SweepPlot plot;
    HeatMap h;
    h.xs = {"0", "1"};
    h.ys = {"1", "25"};
    h.mean = {{70, 72}, {75, std::nan("")}};
    plot.showHeatMap(h, "loss.lambda_c", "loss.lambda_s", "Dice (%)");
    QVERIFY(plot.showsHeatMap());
    QCOMPARE(plot.cellValue(1, 0), 72.0);
    QCOMPARE(plot.cellValue(0, 1), 75.0);
    // Back to a series: the heat map and its colour scale are gone.
    plot.showSeries({}, "x", "Dice (%)");
    QVERIFY(!plot.showsHeatMap());
  }

  void exports() {
    QTemporaryDir dir;
    SweepPlot plot;
    plot.resize(400, 300);
    std::vector<SeriesPoint> points(2);
    points[1].x = 1;
    points[1].summary.mean = 1;
    plot.showSeries(points, "x", "Dice (%)");
    QVERIFY(plot.save(dir.filePath("p.png")));
    const QImage png(dir.filePath("p.png"));
    QCOMPARE(png.size(), QSize(1440, 960));  // 720 x 480 at 2x, whatever the widget's size
    QVERIFY(plot.save(dir.filePath("p.svg")));
    QFile svg(dir.filePath("p.svg"));
    QVERIFY(svg.open(QIODevice::ReadOnly) && svg.readAll().contains("<svg"));
    QVERIFY(plot.save(dir.filePath("p.pdf")));
    QFile pdf(dir.filePath("p.pdf"));
    QVERIFY(pdf.open(QIODevice::ReadOnly) && pdf.read(5) == "%PDF-");
    QVERIFY(!plot.save(dir.filePath("p.bmp")));
  }

  void parallelCoordinatesDrawEveryPointAcrossEveryKey() {
    std::vector<PointSummary> points(3);
    const double lambda[] = {0, 15, 25}, dice[] = {70, 85, 80};
    const char* nets[] = {"small", "large", "small"};
    for (size_t i = 0; i < 3; ++i) {
      points[i].point = "p" + std::to_string(i);
      points[i].params = {{"loss.lambda_p", std::to_string(int(lambda[i]))}, {"net.size", nets[i]}};
      points[i].numbers = {{"loss.lambda_p", lambda[i]}};
      points[i].metrics = {{"dice_pct", dice[i]}};
    }
    SweepPlot plot;
    plot.showParallel(points, {"loss.lambda_p", "net.size"}, "dice_pct", "Dice (%)");
    const auto lines = plot.parallelLines();
    QCOMPARE(lines.size(), 3);  // drawn worst first: p0 (70), p2 (80), p1 (85)
    QCOMPARE(lines[0], QVector<double>({0.0, 0.0, 0.0}));
    QCOMPARE(lines[1], QVector<double>({1.0, 0.0, 2.0 / 3.0}));
    QCOMPARE(lines[2], QVector<double>({0.6, 1.0, 1.0}));
    QTemporaryDir dir;
    QVERIFY(plot.save(dir.path() + "/parallel.png"));
    QVERIFY(!QImage(dir.path() + "/parallel.png").isNull());
  }

  void paretoFrontOfSynthesisQualityAndDice() {
    // (PSNR, Dice): D is beaten by A on both, E by B; A, C and B each win somewhere.
    const std::vector<std::pair<std::string, std::pair<double, double>>> data{
        {"A", {20, 80}}, {"B", {22, 78}}, {"C", {21, 79}}, {"D", {19, 70}}, {"E", {22, 75}}};
    std::vector<PointSummary> points;
    std::vector<std::pair<double, double>> xy;
    for (const auto& [name, v] : data) {
      PointSummary p;
      p.point = name;
      p.metrics = {{"psnr_db", v.first}, {"dice_pct", v.second}};
      points.push_back(p);
      xy.push_back(v);
    }
    QCOMPARE(paretoFront(xy), (std::vector<size_t>{0, 2, 1}));
    SweepPlot plot;
    plot.showPareto(points, "psnr_db", "PSNR (dB)", "dice_pct", "Dice (%)");
    QCOMPARE(plot.paretoNames(), QStringList({"A", "C", "B"}));
    QCOMPARE(plot.plot()->graph(0)->dataCount(), 5);
    QCOMPARE(plot.plot()->graph(1)->dataCount(), 3);
    QTemporaryDir dir;
    QVERIFY(plot.save(dir.path() + "/pareto.svg"));
    QVERIFY(QFile(dir.path() + "/pareto.svg").size() > 1000);
    // Back to a series: the other views' state is gone.
    plot.showSeries({}, "x", "Dice (%)");
    QVERIFY(plot.paretoNames().isEmpty() && plot.parallelLines().isEmpty());
  }
};

QTEST_MAIN(TestSweepPlot)
#include "test_SweepPlot.moc"
