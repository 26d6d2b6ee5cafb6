// Group by seed: runs whose configs differ only by their seed are found, their curves become
// one mean with a band of ± one sd (by hand), and the dashboard draws it so.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <QCheckBox>

#include "training/CurvePlot.h"
#include "training/DashboardPanel.h"
#include "training/RunsModel.h"
#include "training/SeedGroups.h"

using namespace tiss::ui;

namespace {

// A finished run folder: its config (as tissnet writes it) and step events with `losses`.
void writeRun(const QString& folder, int seed, double lr, const QVector<double>& losses) {
  QDir().mkpath(folder);
  QFile config(folder + "/config.json");
  config.open(QIODevice::WriteOnly);
  config.write(QString(R"({"preset": "cpu-small", "seed": %1, "optim": {"lr": %2}})").arg(seed).arg(lr).toUtf8());
  QFile events(folder + "/events.jsonl");
  events.open(QIODevice::WriteOnly);
  for (int i = 0; i < losses.size(); ++i)
    events.write(QString(R"({"event": "step", "step": %1, "losses": {"total": %2}, "lr": %3})" "\n").arg(i + 1).arg(losses[i]).arg(lr).toUtf8());
  events.write(R"({"event": "status", "state": "finished", "step": 3, "message": ""})" "\n");
}

}  // namespace

class TestSeedGroups : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private Q_SLOTS:
  void initTestCase() {
    writeRun(dir_.path() + "/runs/a-seed1", 1, 0.001, {3, 2, 1});
    writeRun(dir_.path() + "/runs/a-seed2", 2, 0.001, {5, 4, 3});
    writeRun(dir_.path() + "/runs/a-seed3", 3, 0.001, {4, 3, 2});
    writeRun(dir_.path() + "/runs/b-seed1", 1, 0.01, {9, 8, 7});  // another config
  }

  void runsDifferingOnlyBySeedAreGrouped() {
    const QString r = dir_.path() + "/runs/";
    const auto groups = groupBySeed({r + "a-seed1", r + "b-seed1", r + "a-seed2", r + "a-seed3", r + "missing"});
    QCOMPARE(groups, (QList<QList<int>>{{0, 2, 3}, {1}, {4}}));
    QVERIFY(seedGroupKey(r + "missing").isEmpty());
  }

  void bandIsMeanPlusMinusSd() {
    Series a, b, c;
    for (int s = 1; s <= 3; ++s) {
      a.add(s, 4 - s);
      b.add(s, 6 - s);
      c.add(s, 5 - s);
    }
    c.add(4, 0);  // a step only one run has: left out
    const SeedBand band = seedBand({a, b, c});
    QCOMPARE(band.runs, 3);
    QCOMPARE(band.mean.steps, (QVector<double>{1, 2, 3}));
    QCOMPARE(band.mean.values, (QVector<double>{4, 3, 2}));  // (3 + 5 + 4) / 3 at step 1
    QCOMPARE(band.hi.values[0], 5.0);  // sd of 3, 5, 4 is 1
    QCOMPARE(band.lo.values[0], 3.0);
    QCOMPARE(seedBand({a}).lo.steps.size(), 0);
  }

  void dashboardDrawsOneMeanCurveWithABand() {
    RunsModel runs;
    runs.scan(dir_.path() + "/runs");
    QCOMPARE(runs.rowCount(), 4);
    DashboardPanel panel(&runs);
    panel.showRuns({0, 1, 2, 3});
    QTRY_COMPARE_WITH_TIMEOUT(panel.lossPlot()->curves().size(), 4, 10000);  // one per run
    panel.groupBySeedBox()->setChecked(true);
    QTRY_COMPARE_WITH_TIMEOUT(panel.lossPlot()->curves().size(), 2, 10000);  // a (3 seeds) and b
    QString mean;
    for (const QString& c : panel.lossPlot()->curves())
      if (c.contains("mean of 3 seed(s)")) mean = c;
    QVERIFY2(!mean.isEmpty(), qPrintable(panel.lossPlot()->curves().join(" | ")));
    QVERIFY(panel.lossPlot()->hasBand(mean));
    QCOMPARE(panel.lossPlot()->plotted(mean).values, (QVector<double>{4, 3, 2}));
    panel.groupBySeedBox()->setChecked(false);
    QTRY_COMPARE_WITH_TIMEOUT(panel.lossPlot()->curves().size(), 4, 10000);
    const QString shot = qEnvironmentVariable("TISS_SCREENSHOT");
    if (!shot.isEmpty()) {
      panel.groupBySeedBox()->setChecked(true);
      panel.resize(1200, 700);
      panel.show();
      QTest::qWait(300);
      panel.grab().save(shot);
    }
  }
};

QTEST_MAIN(TestSeedGroups)
#include "test_SeedGroups.moc"
