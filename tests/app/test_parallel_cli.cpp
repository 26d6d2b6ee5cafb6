// Data-parallel training through the real `tissnet train --nproc 2` (Gloo on localhost): a rank
// killed mid-training ends the other within the timeout with status failed naming the rank,
// and --resume --nproc 2 finishes with every step logged once; Ctrl-C on the launcher stops
// every rank at one step with a checkpoint; a refused start leaves an existing run's status alone.
#include <signal.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "cli_support.h"

namespace {

using testsupport::tissnet;

QStringList tiny(int iterations) {
  return {"--preset", "cpu-small", "--set", "net.channels=[4,8,8,16,16]", "--set", "net.disc_channels=4", "--set",
          "data.patch=16x32x32", "--set", "stage=seg-source", "--set", "optim.epochs_constant=1", "--set", "optim.epochs_decay=0",
          "--set", "optim.iterations_per_epoch=" + QString::number(iterations), "--set", "validation.every=0", "--set",
          "checkpoint.every=5", "--set", "data.workers=1", "--threads", "1", "--timeout", "20"};
}

QJsonObject readJson(const QString& file) {
  QFile f(file);
  return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

// Steps logged in the event log, in order.
QList<int> loggedSteps(const QString& run) {
  QList<int> steps;
  QFile f(run + "/events.jsonl");
  if (!f.open(QIODevice::ReadOnly)) return steps;
  for (const QByteArray& line : f.readAll().split('\n')) {
    const QJsonObject e = QJsonDocument::fromJson(line).object();
    if (e["event"].toString() == "step") steps << e["step"].toInt();
  }
  return steps;
}

int lastStep(const QString& run) {
  const auto steps = loggedSteps(run);
  return steps.isEmpty() ? 0 : steps.last();
}

// The launcher's child that is rank `rank` (its environment says RANK=rank).
qint64 rankPid(qint64 launcher, int rank) {
  QFile children(QString("/proc/%1/task/%1/children").arg(launcher));
  if (!children.open(QIODevice::ReadOnly)) return 0;
  for (const QByteArray& pid : children.readAll().trimmed().split(' ')) {
    QFile env("/proc/" + pid + "/environ");
    if (env.open(QIODevice::ReadOnly) && env.readAll().split('\0').contains("RANK=" + QByteArray::number(rank))) return pid.toLongLong();
  }
  return 0;
}

bool waitFor(const std::function<bool()>& ready, int ms) {
  QElapsedTimer t;
  t.start();
  while (!ready()) {
    if (t.elapsed() > ms) return false;
    QTest::qWait(100);
  }
  return true;
}

}  // namespace

class TestParallelCli : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString data_;

 private Q_SLOTS:
  void initTestCase() {
    data_ = dir_.path() + "/data";
    QCOMPARE(tissnet({"phantom", "--layout", "brats", "--cases", "4", "--size", "16x32x32", "--seed", "5", "--out", data_}).code, 0);
  }

  void aKilledRankEndsTheRunAndResumeFinishes() {
    const QString run = dir_.path() + "/killed";
    QProcess p;
    p.start(qEnvironmentVariable("TISSNET"), QStringList{"train", "--data", data_, "--run", run, "--nproc", "2"} + tiny(400));
    QVERIFY(p.waitForStarted());
    QVERIFY2(waitFor([&] { return lastStep(run) >= 7; }, 240000), "the ranks never reached step 7");
    const qint64 victim = rankPid(p.processId(), 1);
    QVERIFY(victim > 0);
    QVERIFY(::kill(pid_t(victim), SIGKILL) == 0);
    QElapsedTimer t;
    t.start();
    QVERIFY2(p.waitForFinished(60000), "the launcher outlived the killed rank by a minute");
    QVERIFY(p.exitCode() != 0);
    qInfo("every rank ended %lld ms after the kill", t.elapsed());
    const QJsonObject status = readJson(run + "/status.json");
    QCOMPARE(status["state"].toString(), QString("failed"));
    QVERIFY2(status["message"].toString().contains("rank 1"), qPrintable(status["message"].toString()));
    QVERIFY(QFile::exists(run + "/checkpoints/last.pt"));

    // Resumed with two ranks again: it finishes; each step is logged exactly once.
    const auto r = tissnet({"train", "--data", data_, "--run", run, "--resume", "--nproc", "2", "--threads", "1", "--timeout", "20"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(readJson(run + "/status.json")["state"].toString(), QString("finished"));
    const QList<int> steps = loggedSteps(run);
    QCOMPARE(steps.size(), 400);
    for (int i = 0; i < steps.size(); ++i) QCOMPARE(steps[i], i + 1);
  }

  void ctrlCStopsEveryRankAtACheckpoint() {
    const QString run = dir_.path() + "/interrupted";
    QProcess p;
    p.start(qEnvironmentVariable("TISSNET"), QStringList{"train", "--data", data_, "--run", run, "--nproc", "2"} + tiny(400));
    QVERIFY(p.waitForStarted());
    QVERIFY(waitFor([&] { return lastStep(run) >= 3; }, 240000));
    ::kill(pid_t(p.processId()), SIGINT);  // the launcher only, as a terminal's Ctrl-C may not reach the ranks
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const QJsonObject status = readJson(run + "/status.json");
    QCOMPARE(status["state"].toString(), QString("stopped"));
    const int stopped = status["step"].toInt();
    QVERIFY(stopped >= 3 && stopped < 400);
    // The checkpoint of the step it stopped at: a resume starts there.
    const auto steps = loggedSteps(run);
    QCOMPARE(steps.last(), stopped);
    QFile events(run + "/events.jsonl");
    QVERIFY(events.open(QIODevice::ReadOnly));
    QVERIFY(events.readAll().contains(QByteArray("\"kind\":\"last\",\"step\":") + QByteArray::number(stopped)));

    // Started again without --resume: rank 0 refuses the folder, and the run's status is not
    // rewritten by the launcher (it is not this launch's run).
    QFile before(run + "/status.json");
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray kept = before.readAll();
    const auto again = tissnet(QStringList{"train", "--data", data_, "--run", run, "--nproc", "2"} + tiny(400));
    QVERIFY(again.code != 0);
    QVERIFY2(again.err.contains("already holds a run"), qPrintable(again.err));
    QFile after(run + "/status.json");
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), kept);
  }
};

QTEST_MAIN(TestParallelCli)
#include "test_parallel_cli.moc"
