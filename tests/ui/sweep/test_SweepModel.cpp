// SweepModel: a sweep folder as table rows, counts, best so far, progress; the controls write
// to the folder; updates arrive from the off-thread poll; results rows and plot data.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "sweep/SweepModel.h"
#include "sweep_support.h"
#include "tiss/util/process.h"

#include <filesystem>
#include <fstream>

using namespace tiss;
using tiss::ui::SweepModel;

class TestSweepModel : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private slots:
  void rowsShowStateProgressAndMetric() {
    const SweepFolder f = testsupport::gridSweep((dir_.path() + "/a").toStdString());
    testsupport::finishJob(f, f.jobs[0], {80, 70});
    TrialState failed;
    failed.state = "failed";
    failed.message = "out of memory";
    writeTrialState(f, f.jobs[1], failed);
    SweepModel model;
    QVERIFY(model.open(dir_.path() + "/a").ok());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.headerData(SweepModel::MetricColumnIndex, Qt::Horizontal, Qt::DisplayRole).toString(), QString("Dice (%)"));
    QCOMPARE(model.index(0, SweepModel::TrialColumn).data().toString(), QString("loss.lambda_c=0, loss.lambda_s=1"));
    QCOMPARE(model.index(0, SweepModel::StateColumn).data().toString(), QString("finished"));
    QCOMPARE(model.index(0, SweepModel::ProgressColumn).data().toString(), QString("100 %"));
    QCOMPARE(model.index(0, SweepModel::ProgressColumn).data(Qt::UserRole + 1).toInt(), 100);  // the bar
    QCOMPARE(model.index(2, SweepModel::ProgressColumn).data(Qt::UserRole + 1).toInt(), 0);
    QCOMPARE(model.index(0, SweepModel::MetricColumnIndex).data().toString(), QString("75.00"));
    QCOMPARE(model.index(1, SweepModel::StateColumn).data().toString(), QString("failed"));
    QCOMPARE(model.index(1, SweepModel::StateColumn).data(Qt::ToolTipRole).toString(), QString("out of memory"));
    QCOMPARE(model.index(2, SweepModel::StateColumn).data().toString(), QString("queued"));
    QVERIFY2(model.summaryText().startsWith("1 of 4 job"), qPrintable(model.summaryText()));
    QVERIFY(model.summaryText().contains("1 failed"));
    QCOMPARE(model.bestText(), QString("Best so far: t000 (loss.lambda_c=0, loss.lambda_s=1), Dice (%) 75.00"));
    QCOMPARE(model.percentDone(), 25);
    QVERIFY(model.needsScheduler());  // queued work, no scheduler
    QVERIFY(model.runFolder(0).isEmpty());  // no run trained yet (metrics only)
    std::ofstream(f.jobDir(f.jobs[0]) + "/config.json") << "{}";
    QCOMPARE(model.runFolder(0), QString::fromStdString(f.jobDir(f.jobs[0])));
    QVERIFY(!model.open(dir_.path() + "/none").ok());
    // A finished trial whose metrics file is corrupt says so instead of vanishing from the table.
    std::ofstream(f.metricsFile(f.jobs[0])) << "not a csv";
    model.reload();
    QCOMPARE(model.index(0, SweepModel::StateColumn).data().toString(), QString("finished, metrics unreadable"));
    QVERIFY(model.index(0, SweepModel::StateColumn).data(Qt::ToolTipRole).toString().contains("metrics.csv"));
    // A trial.json with a value of the wrong type (edited by hand): "unreadable" on its row,
    // why in its tooltip; the other rows load; the queue never starts it.
    std::filesystem::create_directories(f.jobDir(f.jobs[3]));
    std::ofstream(f.stateFile(f.jobs[3])) << R"({"state": "running", "pid": "4242"})";
    model.reload();
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(3, SweepModel::StateColumn).data().toString(), QString("unreadable"));
    QVERIFY(model.index(3, SweepModel::StateColumn).data(Qt::ToolTipRole).toString().contains("trial.json: a value has the wrong type"));
    QCOMPARE(model.index(1, SweepModel::StateColumn).data().toString(), QString("failed"));
    QCOMPARE(readTrialState(f, f.jobs[3]).state, std::string("unreadable"));
  }

  void pollMergesChangesOffTheUiThread() {
    const SweepFolder f = testsupport::gridSweep((dir_.path() + "/b").toStdString());
    SweepModel model;
    QVERIFY(model.open(dir_.path() + "/b").ok());
    QSignalSpy updates(&model, &SweepModel::updated);
    testsupport::finishJob(f, f.jobs[3], {90});
    QVERIFY(updates.wait(3 * SweepModel::kPollMs));
    QTRY_COMPARE(model.index(3, SweepModel::StateColumn).data().toString(), QString("finished"));
    QCOMPARE(model.bestText(), QString("Best so far: t003 (loss.lambda_c=1, loss.lambda_s=25), Dice (%) 90.00"));
  }

  void controlsWriteToTheFolder() {
    const SweepFolder f = testsupport::gridSweep((dir_.path() + "/c").toStdString());
    SweepModel model;
    QVERIFY(model.open(dir_.path() + "/c").ok());
    QVERIFY(model.pause().ok());
    QVERIFY(isPaused(f));
    model.reload();
    QVERIFY(model.paused());
    QVERIFY(model.summaryText().endsWith("(paused)"));
    QVERIFY(model.resume().ok());
    QVERIFY(!isPaused(f));
    QVERIFY(model.cancel(2).ok());
    QVERIFY(model.retry(1).ok());
    QVERIFY(!model.cancel(17).ok());
    QCOMPARE(std::distance(std::filesystem::directory_iterator(f.requestDir()), {}), 2L);
    QVERIFY(!model.continueSweep("/nonexistent/tissnet").ok());
  }

  void continueStartsAQueueThatTakesOverADeadJob() {
    // A job left "running" by a killed queue and trainer: Continue starts `tissnet sweep`,
    // which finds the process gone and runs the job again (here it fails at once: the data
    // set does not exist, and says so).
    const SweepFolder f = testsupport::gridSweep((dir_.path() + "/e").toStdString(), (dir_.path() + "/no-data").toStdString());
    for (size_t i = 1; i < 4; ++i) testsupport::finishJob(f, f.jobs[i], {50});
    TrialState dead;
    dead.state = "running";
    dead.phase = "train";
    dead.pid = 999999;  // no such process
    dead.host = hostName();
    writeTrialState(f, f.jobs[0], dead);
    SweepModel model;
    QVERIFY(model.open(dir_.path() + "/e").ok());
    QVERIFY(model.needsScheduler());
    QVERIFY(model.continueSweep(qEnvironmentVariable("TISSNET")).ok());
    QTRY_COMPARE_WITH_TIMEOUT(readTrialState(f, f.jobs[0]).state, std::string("failed"), 60000);
    QVERIFY2(readTrialState(f, f.jobs[0]).message.find("no-data") != std::string::npos, readTrialState(f, f.jobs[0]).message.c_str());
    QCOMPARE(readTrialState(f, f.jobs[0]).attempts, 1);
    QTRY_VERIFY_WITH_TIMEOUT(!readScheduler(f).alive, 10000);  // the queue ends: nothing left to run
  }

  void resultsAndPlotsComeFromTheFinishedTrials() {
    const SweepFolder f = testsupport::gridSweep((dir_.path() + "/d").toStdString());
    testsupport::finishJob(f, f.jobs[0], {10, 20});
    testsupport::finishJob(f, f.jobs[1], {30, 40});
    testsupport::finishJob(f, f.jobs[2], {50, 60});
    SweepModel model;
    QVERIFY(model.open(dir_.path() + "/d").ok());
    QCOMPARE(model.axes(), QStringList({"loss.lambda_c", "loss.lambda_s"}));
    const ResultsTable t = model.resultsTable();
    QCOMPARE(t.rows.size(), size_t(3));
    QCOMPARE(t.cells[2][0].summary.mean, 55.0);
    QVERIFY(t.cells[2][0].best);
    QCOMPARE(model.resultsTable(2).baseline, 2);
    const auto s = model.series("loss.lambda_c", "dice_pct");
    QCOMPARE(s.size(), size_t(2));
    QCOMPARE(s[0].summary.mean, 25.0);  // cases 20 and 30 (means of 10/30 and 20/40)
    const HeatMap h = model.heatMap("loss.lambda_c", "loss.lambda_s", "dice_pct");
    QCOMPARE(h.mean[0][1], 55.0);
    QVERIFY(std::isnan(h.mean[1][1]));
  }
};

QTEST_MAIN(TestSweepModel)
#include "test_SweepModel.moc"
