// The dashboard end to end on CPU: a real tiny training launched through the dashboard's
// model, its events arriving, the run finishing, the plotted curves equal to the event log;
// a trainer killed mid-run reported as crashed with its last log lines, then resumed from its
// last checkpoint to the end.
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include "training/CurvePlot.h"
#include "training/DashboardPanel.h"
#include "training/RunsModel.h"
#include "test_support.h"

using namespace tiss;
using namespace tiss::ui;

namespace {

QStringList tiny(int iterations) {
  return {"preset=cpu-small", "stage=sp", "net.channels=[4,8,16,16,32]", "data.patch=16x48x48",
          "optim.iterations_per_epoch=" + QString::number(iterations / 2), "optim.epochs_constant=1", "optim.epochs_decay=1",
          "validation.every=" + QString::number(iterations / 2), "checkpoint.every=10"};
}

// (step, total loss) of every step line, later lines winning, as the event log says.
QMap<int, double> logged(const QString& run) {
  QMap<int, double> m;
  QFile f(run + "/events.jsonl");
  if (!f.open(QIODevice::ReadOnly)) return m;
  for (const QByteArray& line : f.readAll().split('\n')) {
    const QJsonObject e = QJsonDocument::fromJson(line).object();
    if (e["event"].toString() == "step") m[e["step"].toInt()] = e["losses"].toObject()["total"].toDouble();
  }
  return m;
}

bool waitFor(const std::function<bool()>& done, int ms) {
  QElapsedTimer t;
  t.start();
  while (!done() && t.elapsed() < ms) QTest::qWait(100);
  return done();
}

}  // namespace

class TestDashboard : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString data_;
  RunsModel runs_;

  Launch launchOf(const QString& name, int iterations) {
    Launch l;
    l.tissnet = qEnvironmentVariable("TISSNET");
    l.runDir = dir_.path() + "/runs/" + name;
    l.dataDir = data_;
    l.device = "cpu";
    l.threads = 2;
    l.overrides = tiny(iterations);
    return l;
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(QFile::exists(qEnvironmentVariable("TISSNET")));
    data_ = dir_.path() + "/data";
    testsupport::writePhantom(data_, PhantomLayout::Brats, 6, 4, {48, 48, 24});
    runs_.setMaxConcurrent(2);
  }

  void gradientNormsAreAnOptionalChartPerNetworkPart() {
    // Lines as tissnet train writes them with optim.gradient_norms_every=25 (a detached run:
    // nothing of S's losses reaches the coarse decoder).
    const QString run = dir_.path() + "/runs/gradients";
    QVERIFY(QDir().mkpath(run));
    QFile f(run + "/events.jsonl");
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"event\":\"step\",\"step\":25,\"total\":50,\"losses\":{\"total\":90.5}}\n"
            "{\"event\":\"gradients\",\"norms\":{\"coarse_decoder/from_coarse\":0.00137,\"coarse_decoder/from_segmentor\":0.0,"
            "\"encoder/from_segmentor\":43.0,\"encoder/from_synthesis\":56.9},\"step\":25}\n"
            "{\"event\":\"step\",\"step\":50,\"total\":50,\"losses\":{\"total\":80.5}}\n"
            "{\"event\":\"gradients\",\"norms\":{\"coarse_decoder/from_coarse\":0.0021,\"coarse_decoder/from_segmentor\":0.0,"
            "\"encoder/from_segmentor\":41.0,\"encoder/from_synthesis\":50.2},\"step\":50}\n");
    f.close();
    DashboardPanel panel(&runs_);
    panel.showRuns({runs_.attach(run)});
    QVERIFY(waitFor([&] { return runs_.monitor(runs_.rowOf(run))->history().lines == 4; }, 10000));
    panel.refresh();
    const QString chart = "term:" + QString("‖∇‖ coarse decoder (y_c)");
    QVERIFY(!panel.findChild<CurvePlot*>(chart));  // off by default
    panel.gradientNormsBox()->setChecked(true);
    auto* coarse = panel.findChild<CurvePlot*>(chart);
    QVERIFY(coarse);
    QStringList curves = coarse->curves();
    curves.sort();
    QCOMPARE(curves, QStringList({"L_c", "S's losses"}));
    QCOMPARE(coarse->plotted("L_c").values, QVector<double>({0.00137, 0.0021}));
    QCOMPARE(coarse->plotted("S's losses").steps, QVector<double>({25, 50}));
    auto* encoder = panel.findChild<CurvePlot*>("term:" + QString("‖∇‖ G's encoder"));
    QVERIFY(encoder);
    QCOMPARE(encoder->plotted("synthesis losses").values, QVector<double>({56.9, 50.2}));
    panel.gradientNormsBox()->setChecked(false);
    QVERIFY(!panel.findChild<CurvePlot*>(chart));
  }

  void liveRunFinishesAndThePlotEqualsTheEventLog() {
    DashboardPanel panel(&runs_);
    auto row = runs_.launch(launchOf("live", 40));
    QVERIFY2(row.ok(), row.ok() ? "" : row.error().describe().c_str());
    panel.showRuns({*row});
    RunMonitor* m = runs_.monitor(*row);
    QSignalSpy updated(m, &RunMonitor::updated);
    QVERIFY(updated.wait(60000));  // events arrive while it trains
    QVERIFY(waitFor([&] { return m->state() == RunMonitor::State::Finished; }, 240000));
    QTest::qWait(2 * RunMonitor::kPollMs);
    const QMap<int, double> log = logged(m->folder());
    QCOMPARE(log.size(), 40);
    const Series plotted = panel.lossPlot()->plotted("total");
    QCOMPARE(plotted.steps.size(), log.size());
    int i = 0;
    for (auto it = log.begin(); it != log.end(); ++it, ++i) {
      QCOMPARE(plotted.steps[i], double(it.key()));
      QCOMPARE(plotted.values[i], it.value());
    }
    QVERIFY(!panel.validationPlot()->plotted("Dice (%)").steps.isEmpty());
    QCOMPARE(panel.progressBar()->value(), 40);
    // Each validation wrote a preview of a validation case, named in its event.
    QVERIFY(!m->history().previews.isEmpty());
    QVERIFY(m->history().previewCases.first().startsWith("BraTS20_Phantom_"));
    QVERIFY(panel.statusLabel()->text().contains("finished"));
    const QString csv = dir_.path() + "/curves.csv";
    QVERIFY(panel.exportCsv(csv));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().count('\n') > 40);
  }

  void killedRunIsACrashAndResumeFinishesIt() {
    DashboardPanel panel(&runs_);
    auto row = runs_.launch(launchOf("killed", 120));
    QVERIFY(row.ok());
    panel.showRuns({*row});
    RunMonitor* m = runs_.monitor(*row);
    QVERIFY(waitFor([&] { return m->history().progress.step >= 25; }, 240000));
    QVERIFY(::kill(pid_t(m->writerPid()), SIGKILL) == 0);
    QVERIFY(waitFor([&] { return m->state() == RunMonitor::State::Crashed; }, 20000));
    QTest::qWait(2 * RunMonitor::kPollMs);
    QVERIFY2(panel.statusLabel()->text().contains("crashed"), qPrintable(panel.statusLabel()->text()));
    QVERIFY(!panel.log()->toPlainText().isEmpty());  // the trainer's last lines
    const long killedAt = m->history().progress.step;
    auto resumed = runs_.resume(*row, qEnvironmentVariable("TISSNET"), 2);
    QVERIFY2(resumed.ok(), resumed.ok() ? "" : resumed.error().describe().c_str());
    QCOMPARE(*resumed, *row);
    QVERIFY(waitFor([&] { return m->state() == RunMonitor::State::Finished; }, 400000));
    QTest::qWait(2 * RunMonitor::kPollMs);
    // Every step once in the plot, the resumed part replacing the steps it redid.
    const Series total = panel.lossPlot()->plotted("total");
    QCOMPARE(total.steps.size(), 120);
    QCOMPARE(total.steps.last(), 120.0);
    QVERIFY(killedAt < 120);
    QFile events(m->folder() + "/events.jsonl");
    QVERIFY(events.open(QIODevice::ReadOnly));
    QVERIFY(events.readAll().contains("\"event\":\"resume\""));
  }
};

QTEST_MAIN(TestDashboard)
#include "test_DashboardPanel.moc"
