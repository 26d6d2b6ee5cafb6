// Sweeps end to end through the real `tissnet` executable on a phantom: a 2x2 grid of tiny
// trials to completion headless with the results table checked against the per-case files;
// pause and resume; a killed scheduler whose running trial is adopted; cancel and retry.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "cli_support.h"

#include <csignal>

namespace {

using testsupport::Run;
using testsupport::tissnet;

QJsonObject readJson(const QString& file) {
  QFile f(file);
  return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

// A spec of tiny TISS-Net trials (lambda_p = 0: no S_p needed), `iterations` each.
QString writeSpec(const QString& dir, const QString& data, const QString& axes, int iterations, int threads = 1) {
  const QString spec = QString(
      "{\"name\": \"tiny\", \"data\": \"%1\", \"preset\": \"cpu-small\", \"threads_per_trial\": %4,"
      " \"set\": [\"stage=tissnet\", \"loss.lambda_p=0\", \"net.channels=[4,8,16,16,32]\", \"net.disc_channels=4\","
      " \"data.patch=16x48x48\", \"optim.iterations_per_epoch=%2\", \"optim.epochs_constant=1\","
      " \"optim.epochs_decay=1\", \"validation.every=0\", \"checkpoint.every=%2\", \"optim.lr=0.003\"],"
      " \"axes\": [%3]}").arg(data).arg(iterations / 2).arg(axes).arg(threads);
  const QString file = dir + "/spec.json";
  QFile f(file);
  if (f.open(QIODevice::WriteOnly)) f.write(spec.toUtf8());
  return file;
}

QString state(const QString& sweep, const QString& id) { return readJson(sweep + "/trials/" + id + "/trial.json")["state"].toString(); }
QMap<int, int> stepCounts(const QString& run);
int step(const QString& sweep, const QString& id) {
  const auto counts = stepCounts(sweep + "/trials/" + id);
  return counts.isEmpty() ? 0 : counts.lastKey();
}

bool waitFor(const std::function<bool()>& condition, int timeoutMs) {
  QElapsedTimer t;
  t.start();
  while (!condition()) {
    if (t.elapsed() > timeoutMs) return false;
    QTest::qWait(100);
  }
  return true;
}

// Steps logged by a run, with their counts.
QMap<int, int> stepCounts(const QString& run) {
  QMap<int, int> counts;
  QFile f(run + "/events.jsonl");
  if (!f.open(QIODevice::ReadOnly)) return counts;
  for (const QByteArray& line : f.readAll().split('\n')) {
    const QJsonObject e = QJsonDocument::fromJson(line).object();
    if (e["event"].toString() == "step") counts[e["step"].toInt()] += 1;
  }
  return counts;
}

// case -> column -> value of a metrics CSV, skipping the mean and sd rows.
QMap<QString, QMap<QString, double>> perCase(const QString& file) {
  QMap<QString, QMap<QString, double>> rows;
  QFile f(file);
  if (!f.open(QIODevice::ReadOnly)) return rows;
  const QStringList lines = QString::fromUtf8(f.readAll()).trimmed().split('\n');
  const QStringList header = lines.first().split(',');
  for (const QString& line : lines.mid(1)) {
    const QStringList v = line.split(',');
    if (v[0] == "mean" || v[0] == "sd") continue;
    for (int i = 1; i < header.size() && i < v.size(); ++i)
      if (!v[i].isEmpty()) rows[v[0]][header[i]] = v[i].toDouble();
  }
  return rows;
}

}  // namespace

class TestSweepCli : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString data_;

 private slots:
  void initTestCase() {
    data_ = dir_.path() + "/data";
    const Run r = tissnet({"phantom", "--layout", "brats", "--cases", "10", "--size", "32x64x64", "--seed", "8", "--out", data_});
    QVERIFY2(r.code == 0, qPrintable(r.err));
  }

  void gridRunsToCompletionAndTheTableEqualsTheFolders() {
    const QString root = dir_.path() + "/grid", sweep = root + "/out";
    QDir().mkpath(root);
    const QString spec = writeSpec(root, data_, "{\"key\": \"loss.lambda_c\", \"values\": [0, 1]},"
                                                " {\"key\": \"loss.lambda_s\", \"values\": [1, 25]}", 8);
    Run r = tissnet({"sweep", "--spec", spec, "--out", sweep, "--max-parallel", "2"});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY(r.out.contains("4 jobs, 4 finished"));
    // Each trial is an ordinary run folder holding its point's config.
    const double lambdaC[] = {0, 0, 1, 1}, lambdaS[] = {1, 25, 1, 25};
    for (int i = 0; i < 4; ++i) {
      const QString t = sweep + "/trials/t00" + QString::number(i);
      const QJsonObject loss = readJson(t + "/config.json")["loss"].toObject();
      QCOMPARE(loss["lambda_c"].toDouble(), lambdaC[i]);
      QCOMPARE(loss["lambda_s"].toDouble(), lambdaS[i]);
      QCOMPARE(readJson(t + "/status.json")["state"].toString(), QString("finished"));
      QVERIFY(QFile::exists(t + "/metrics.csv"));
    }
    // The exported table's means are the means of each trial's per-case metrics.
    r = tissnet({"sweep", "--out", sweep, "--export-table", root + "/table.csv", "--export-cases", root + "/cases.csv"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QFile table(root + "/table.csv");
    QVERIFY(table.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(table.readAll()).trimmed().split('\n');
    QCOMPARE(lines.size(), 5);
    const QStringList header = lines[0].split(',');
    int cases = 0;
    for (int i = 0; i < 4; ++i) {
      const auto metrics = perCase(sweep + "/trials/t00" + QString::number(i) + "/metrics.csv");
      QVERIFY(!metrics.isEmpty());
      cases += metrics.size();
      const QStringList row = lines[i + 1].mid(lines[i + 1].lastIndexOf('"') + 1).split(',');
      for (const QString column : {"dice_pct", "hd95_mm", "psnr_global_db", "ssim_local"}) {
        double sum = 0;
        for (const auto& c : metrics) sum += c[column];
        const int at = header.indexOf(column + "_mean");  // fields after the quoted name: "", n, ...
        QVERIFY2(qAbs(row[at].toDouble() - sum / metrics.size()) < 1e-4, qPrintable(column + ": " + lines[i + 1]));
      }
    }
    QFile perCaseFile(root + "/cases.csv");
    QVERIFY(perCaseFile.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(perCaseFile.readAll()).trimmed().split('\n').size(), 1 + cases);
  }

  void pauseStopsAtACheckpointAndResumeFinishes() {
    const QString root = dir_.path() + "/pause", sweep = root + "/out";
    QDir().mkpath(root);
    const QString spec = writeSpec(root, data_, "{\"key\": \"loss.lambda_c\", \"values\": [0, 1]}", 40, 2);
    QProcess scheduler;
    scheduler.start(qEnvironmentVariable("TISSNET"), {"sweep", "--spec", spec, "--out", sweep});
    QVERIFY(waitFor([&] { return step(sweep, "t000") >= 5; }, 120000));
    QCOMPARE(tissnet({"sweep", "--out", sweep, "--pause"}).code, 0);
    QVERIFY2(waitFor([&] { return state(sweep, "t000") == "stopped"; }, 60000), qPrintable(state(sweep, "t000")));
    const int stoppedAt = step(sweep, "t000");
    QVERIFY(stoppedAt < 40);
    QTest::qWait(1500);
    // Paused: nothing runs, nothing moves, the scheduler waits.
    QCOMPARE(step(sweep, "t000"), stoppedAt);
    QVERIFY(state(sweep, "t001").isEmpty());  // never started
    QCOMPARE(scheduler.state(), QProcess::Running);
    QVERIFY(tissnet({"sweep", "--out", sweep, "--status"}).out.contains("(paused)"));
    QCOMPARE(tissnet({"sweep", "--out", sweep, "--resume"}).code, 0);
    QVERIFY(scheduler.waitForFinished(300000));
    QCOMPARE(scheduler.exitCode(), 0);
    QCOMPARE(state(sweep, "t000"), QString("finished"));
    QCOMPARE(state(sweep, "t001"), QString("finished"));
    QCOMPARE(readJson(sweep + "/trials/t000/trial.json")["attempts"].toInt(), 2);
    // Resumed from the checkpoint written at the pause: every step once.
    const auto counts = stepCounts(sweep + "/trials/t000");
    QCOMPARE(counts.size(), 40);
    for (int s = 1; s <= 40; ++s) QVERIFY2(counts.value(s) == 1, qPrintable(QString::number(s)));
  }

  void aKilledSchedulerLosesNothingAndCancelRetryWork() {
    const QString root = dir_.path() + "/kill", sweep = root + "/out";
    QDir().mkpath(root);
    const QString spec = writeSpec(root, data_, "{\"key\": \"loss.lambda_c\", \"values\": [0, 1]}", 30, 2);
    QProcess first;
    first.start(qEnvironmentVariable("TISSNET"), {"sweep", "--spec", spec, "--out", sweep});
    QVERIFY(waitFor([&] { return step(sweep, "t000") >= 3; }, 120000));
    QCOMPARE(tissnet({"sweep", "--out", sweep, "--cancel", "t001"}).code, 0);
    ::kill(pid_t(first.processId()), SIGKILL);  // the scheduler dies; its trial runs on
    QVERIFY(first.waitForFinished(10000));
    QCOMPARE(state(sweep, "t000"), QString("running"));
    // A new scheduler adopts the running trial (no second start) and applies the cancel.
    Run r = tissnet({"sweep", "--out", sweep});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(state(sweep, "t000"), QString("finished"));
    QCOMPARE(readJson(sweep + "/trials/t000/trial.json")["attempts"].toInt(), 1);
    QCOMPARE(state(sweep, "t001"), QString("cancelled"));
    QCOMPARE(tissnet({"sweep", "--out", sweep, "--retry", "t001"}).code, 0);
    r = tissnet({"sweep", "--out", sweep});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(state(sweep, "t001"), QString("finished"));
  }

  void badSpecsAreRefusedNamingTheFile() {
    const QString file = dir_.path() + "/bad.json";
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"axes\": [{\"key\": \"loss.lambda_q\", \"values\": [1]}], \"data\": \"x\"}");
    f.close();
    const Run r = tissnet({"sweep", "--spec", file, "--out", dir_.path() + "/bad"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("trial loss.lambda_q=1") && r.err.contains("lambda_q"), qPrintable(r.err));
    QVERIFY(!QFile::exists(dir_.path() + "/bad/sweep.json"));
  }
};

QTEST_GUILESS_MAIN(TestSweepCli)
#include "test_sweep_cli.moc"
